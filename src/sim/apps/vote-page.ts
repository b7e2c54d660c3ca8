// The vote app's page (templates/index.html of schoolofdevops/vote), made
// self-contained: the real page pulls jQuery and Font Awesome from CDNs and
// marks the chosen button with jQuery after load; here the same result is
// rendered on the server, with inline CSS and an inline SVG check-circle, so
// the page works offline and looks the same once loaded.
//
// Tags v1..v5 differ in header, labels and colours. What is known: v1 is
// "App Version v1" with Emacs and Vi in #1aaaf8 and #00cbca; a v4 screenshot
// shows "App Version v4 / Nikon vs Canon!"; an older image (our `latest`) shows
// "Cats vs Dogs!" without a version header. The other combinations are ours.

import { escapeHtml } from './http';

export interface VoteVariant {
  /** The header line, or none. */
  header?: string;
  optionA: string;
  optionB: string;
  colorA: string;
  colorB: string;
}

const VARIANTS: Record<string, VoteVariant> = {
  v1: { header: 'App Version v1', optionA: 'Emacs', optionB: 'Vi', colorA: '#1aaaf8', colorB: '#00cbca' },
  v2: { header: 'App Version v2', optionA: 'Emacs', optionB: 'Vi', colorA: '#f06292', colorB: '#ba68c8' },
  v3: { header: 'App Version v3', optionA: 'Emacs', optionB: 'Vi', colorA: '#ffa726', colorB: '#8d6e63' },
  v4: { header: 'App Version v4', optionA: 'Nikon', optionB: 'Canon', colorA: '#43a047', colorB: '#e53935' },
  v5: { header: 'App Version v5', optionA: 'Emacs', optionB: 'Vi', colorA: '#3f51b5', colorB: '#009688' },
  latest: { optionA: 'Cats', optionB: 'Dogs', colorA: '#1aaaf8', colorB: '#00cbca' },
};

/** The variant of an image tag; OPTION_A / OPTION_B from the environment override the labels. */
export function voteVariant(tag: string, env: ReadonlyMap<string, string>): VoteVariant {
  const base = VARIANTS[tag] ?? VARIANTS.v1;
  return { ...base, optionA: env.get('OPTION_A') ?? base.optionA, optionB: env.get('OPTION_B') ?? base.optionB };
}

const CHECK_ICON =
  '<svg class="check" viewBox="0 0 512 512" width="22" height="22" aria-hidden="true"><path fill="currentColor" d="M504 256c0 137-111 248-248 248S8 393 8 256 119 8 256 8s248 111 248 248zM227 387l184-184c6-6 6-16 0-22l-23-23c-6-6-16-6-22 0L216 308l-70-70c-6-6-16-6-22 0l-23 23c-6 6-6 16 0 22l104 104c6 6 16 6 22 0z"/></svg>';

function css(v: VoteVariant): string {
  return [
    '*{box-sizing:border-box}',
    "html,body{margin:0;padding:0;background-color:#f8f8f8;height:100vh;font-family:'Open Sans','Helvetica Neue',Arial,sans-serif}",
    '#content-container{z-index:2;position:relative;margin:0 auto;display:table;padding:10px;max-width:940px;height:100%}',
    '#content-container-center{display:table-cell;text-align:center}',
    '#content-container-center h3{color:#254356}',
    '#content-container-center h5{color:#8f9ea8;margin:10px 0 0 0;font-weight:400}',
    '#choice{transition:all 300ms linear;line-height:1.3em;display:inline;vertical-align:middle;font-size:3em}',
    '#choice button{display:block;height:80px;width:330px;border:none;color:white;text-transform:uppercase;font-size:18px;font-weight:700;margin-top:10px;margin-bottom:10px;text-align:left;padding-left:50px;border-radius:0;cursor:pointer}',
    '#choice button:disabled{cursor:default}',
    `#choice button.a{background-color:${v.colorA}}`,
    `#choice button.b{background-color:${v.colorB}}`,
    'button .check{float:right;margin-right:30px;margin-top:3px}',
    '#tip{text-align:left;color:#c0c9ce;font-size:14px}',
    '#hostname{position:absolute;bottom:100px;right:0;left:0;color:#8f9ea8;font-size:24px}',
  ].join('\n');
}

/** The page for GET, or after a successful POST (`vote` is the chosen option). */
export function renderVotePage(v: VoteVariant, hostname: string, vote: 'a' | 'b' | undefined): string {
  const a = escapeHtml(v.optionA);
  const b = escapeHtml(v.optionB);
  const button = (id: 'a' | 'b', label: string) => {
    const chosen = vote === id;
    const faded = vote !== undefined && !chosen;
    return `          <button id="${id}" type="submit" name="vote" class="${id}" value="${id}"${chosen ? ' disabled' : ''}${faded ? ' style="opacity:0.5"' : ''}>${label}${chosen ? ` ${CHECK_ICON}` : ''}</button>`;
  };
  return [
    '<!DOCTYPE html>',
    '<html>',
    '  <head>',
    '    <meta charset="utf-8">',
    `    <title>${a} vs ${b}!</title>`,
    '    <meta name = "viewport" content = "width=device-width, initial-scale = 1.0">',
    '    <meta name="keywords" content="docker-compose, docker, stack">',
    '    <meta name="author" content="Tutum dev team">',
    '    <style>',
    css(v),
    '    </style>',
    '  </head>',
    '  <body>',
    '    <div id="content-container">',
    '      <div id="content-container-center">',
    ...(v.header ? [`        <h5>${escapeHtml(v.header)}</h5>`] : []),
    `        <h3>${a} vs ${b}!</h3>`,
    '        <form id="choice" name=\'form\' method="POST" action="/">',
    button('a', a),
    button('b', b),
    '        </form>',
    '        <div id="tip">',
    '          (Tip: you can change your vote)',
    '        </div>',
    '        <div id="hostname">',
    `          Processed by container ID ${escapeHtml(hostname)}`,
    '        </div>',
    '      </div>',
    '    </div>',
    '  </body>',
    '</html>',
  ].join('\n');
}

/** Werkzeug's error pages (Flask 2.2). */
export function werkzeugErrorPage(status: 404 | 405 | 500): string {
  const pages = {
    404: ['404 Not Found', 'Not Found', 'The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.'],
    405: ['405 Method Not Allowed', 'Method Not Allowed', 'The method is not allowed for the requested URL.'],
    500: [
      '500 Internal Server Error',
      'Internal Server Error',
      'The server encountered an internal error and was unable to complete your request. Either the server is overloaded or there is an error in the application.',
    ],
  } as const;
  const [title, h1, p] = pages[status];
  return `<!doctype html>\n<html lang=en>\n<title>${title}</title>\n<h1>${h1}</h1>\n<p>${p}</p>\n`;
}
