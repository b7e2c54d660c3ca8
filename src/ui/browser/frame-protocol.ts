// The page frame: the server's HTML rendered from srcdoc in a sandboxed iframe
// (scripts, no same origin), with a Content-Security-Policy that allows no
// network at all, and a small script that turns link clicks and form submits
// into messages for the parent, which makes the request through the simulation.

export const FRAME_CHANNEL = 'k8s-playground-frame';

/** Nothing in the frame may fetch anything: inline styles, data: images and our inline script only. */
export const FRAME_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; script-src 'unsafe-inline'; form-action 'none'; base-uri 'none'";

export type FrameRequest =
  | { kind: 'submit'; method: 'GET' | 'POST'; action: string; body: string }
  | { kind: 'navigate'; href: string };

/**
 * Runs inside the frame. Capturing listeners see every submit and click first;
 * raw attribute values are sent, since only the parent knows the page's URL.
 */
export function frameScript(token: string): string {
  return `(function(){
var C=${JSON.stringify(FRAME_CHANNEL)},T=${JSON.stringify(token)};
function send(m){m.channel=C;m.token=T;parent.postMessage(m,'*');}
document.addEventListener('submit',function(e){
var f=e.target;if(!(f instanceof HTMLFormElement))return;
e.preventDefault();
var s=e.submitter||null,d;
try{d=s?new FormData(f,s):new FormData(f);}catch(x){d=new FormData(f);if(s&&s.name)d.append(s.name,s.value);}
var m=((s&&s.getAttribute('formmethod'))||f.getAttribute('method')||'get').toUpperCase()==='POST'?'POST':'GET';
var a=(s&&s.getAttribute('formaction'))||f.getAttribute('action')||'';
send({kind:'submit',method:m,action:a,body:new URLSearchParams(d).toString()});
},true);
document.addEventListener('click',function(e){
var t=e.target,a=t&&t.closest?t.closest('a[href]'):null;if(!a)return;
e.preventDefault();
var h=a.getAttribute('href')||'';
if(h.charAt(0)==='#'){var el=document.getElementById(h.slice(1));if(el)el.scrollIntoView();return;}
send({kind:'navigate',href:h});
},true);
})();`;
}

/**
 * The srcdoc for a page: the policy and the script go first, so they apply
 * before anything of the page is parsed. After a doctype, so the page keeps its
 * standards mode; the parser puts both in the head it opens for them.
 */
export function buildSrcdoc(html: string, token: string): string {
  const head = `<meta http-equiv="Content-Security-Policy" content="${FRAME_CSP}"><script>${frameScript(token)}</script>`;
  const doctype = /^\s*<!doctype[^>]*>/i.exec(html);
  if (doctype) return html.slice(0, doctype[0].length) + head + html.slice(doctype[0].length);
  return head + html;
}

/** A message from the frame, checked field by field; null for anything else (or another frame's token). */
export function parseFrameMessage(data: unknown, token: string): FrameRequest | null {
  if (typeof data !== 'object' || data === null) return null;
  const m = data as Record<string, unknown>;
  if (m.channel !== FRAME_CHANNEL || m.token !== token) return null;
  if (m.kind === 'navigate' && typeof m.href === 'string') return { kind: 'navigate', href: m.href };
  if (m.kind === 'submit' && (m.method === 'GET' || m.method === 'POST') && typeof m.action === 'string' && typeof m.body === 'string') {
    return { kind: 'submit', method: m.method, action: m.action, body: m.body };
  }
  return null;
}

/** A fresh token per rendered page, so messages of an earlier page (or another frame) are ignored. */
export function frameToken(): string {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
