// go-yaml v2's parser and composer for one document: tokens to a node tree,
// with libyaml's grammar and its error texts and marks. Like go-yaml's
// Unmarshal it reads the first document of its input and stops there.

import { Scanner, YamlSyntaxError, type Mark, type Token, type TokenType, type ScalarStyle } from './scanner';

export type YamlNode =
  | { kind: 'scalar'; value: string; tag: string; style: ScalarStyle; anchor?: string }
  | { kind: 'mapping'; pairs: [YamlNode, YamlNode][]; tag: string; anchor?: string }
  | { kind: 'sequence'; items: YamlNode[]; tag: string; anchor?: string }
  | { kind: 'alias'; name: string; target: YamlNode };

const TAG_PREFIX = 'tag:yaml.org,2002:';

/** Thrown for go-yaml failures that come without a position (`yaml: unknown anchor 'x' referenced`). */
export class YamlComposeError extends Error {}

/** Parse the first YAML document of `text`; undefined when there is none (empty or comments only). */
export function parseFirstDocument(text: string): YamlNode | undefined {
  return new Parser(text).document();
}

class Parser {
  private readonly scanner: Scanner;
  private readonly anchors = new Map<string, YamlNode>();

  constructor(text: string) {
    this.scanner = new Scanner(text);
  }

  private peek(): Token {
    return this.scanner.peek();
  }

  private skip(): void {
    this.scanner.skip();
  }

  private error(context: string | undefined, contextMark: Mark | undefined, problem: string, problemMark: Mark): YamlSyntaxError {
    return new YamlSyntaxError('parser', problem, problemMark, context, contextMark);
  }

  document(): YamlNode | undefined {
    // STREAM-START
    this.peek();
    this.skip();
    let token = this.peek();
    if (token.type === 'STREAM-END') return undefined;
    let root: YamlNode;
    if (token.type === 'VERSION-DIRECTIVE' || token.type === 'TAG-DIRECTIVE' || token.type === 'DOCUMENT-START') {
      while (token.type === 'VERSION-DIRECTIVE' || token.type === 'TAG-DIRECTIVE') {
        this.skip();
        token = this.peek();
      }
      if (token.type !== 'DOCUMENT-START') throw this.error(undefined, undefined, 'did not find expected <document start>', token.start);
      this.skip();
      token = this.peek();
      const empty: TokenType[] = ['VERSION-DIRECTIVE', 'TAG-DIRECTIVE', 'DOCUMENT-START', 'DOCUMENT-END', 'STREAM-END'];
      root = empty.includes(token.type) ? emptyScalar() : this.node(true, false);
    } else {
      root = this.node(true, false);
    }
    // DOCUMENT-END, explicit or implied: go-yaml looks at one more token and stops.
    if (this.peek().type === 'DOCUMENT-END') this.skip();
    return root;
  }

  private node(block: boolean, indentlessSequence: boolean): YamlNode {
    let token = this.peek();
    if (token.type === 'ALIAS') {
      this.skip();
      const target = this.anchors.get(token.value ?? '');
      if (!target) throw new YamlComposeError(`unknown anchor '${token.value}' referenced`);
      return { kind: 'alias', name: token.value ?? '', target };
    }
    const startMark = token.start;
    let anchor: string | undefined;
    let tagToken: Token | undefined;
    if (token.type === 'ANCHOR') {
      anchor = token.value;
      this.skip();
      token = this.peek();
      if (token.type === 'TAG') {
        tagToken = token;
        this.skip();
        token = this.peek();
      }
    } else if (token.type === 'TAG') {
      tagToken = token;
      this.skip();
      token = this.peek();
      if (token.type === 'ANCHOR') {
        anchor = token.value;
        this.skip();
        token = this.peek();
      }
    }
    let tag = '';
    if (tagToken) {
      const handle = tagToken.handle ?? '';
      if (handle === '') tag = tagToken.value ?? '';
      else if (handle === '!') tag = '!' + (tagToken.value ?? '');
      else if (handle === '!!') tag = TAG_PREFIX + (tagToken.value ?? '');
      else throw this.error('while parsing a node', startMark, 'found undefined tag handle', tagToken.start);
    }

    let made: YamlNode;
    if (indentlessSequence && token.type === 'BLOCK-ENTRY') {
      made = { kind: 'sequence', items: [], tag, anchor };
      this.register(anchor, made);
      this.indentlessSequence(made.items);
      return made;
    }
    if (token.type === 'SCALAR') {
      this.skip();
      made = { kind: 'scalar', value: token.value ?? '', tag: scalarTag(tag, token.style ?? 'plain'), style: token.style ?? 'plain', anchor };
      this.register(anchor, made);
      return made;
    }
    if (token.type === 'FLOW-SEQUENCE-START') {
      made = { kind: 'sequence', items: [], tag, anchor };
      this.register(anchor, made);
      this.flowSequence(made.items);
      return made;
    }
    if (token.type === 'FLOW-MAPPING-START') {
      made = { kind: 'mapping', pairs: [], tag, anchor };
      this.register(anchor, made);
      this.flowMapping(made.pairs);
      return made;
    }
    if (block && token.type === 'BLOCK-SEQUENCE-START') {
      made = { kind: 'sequence', items: [], tag, anchor };
      this.register(anchor, made);
      this.blockSequence(made.items);
      return made;
    }
    if (block && token.type === 'BLOCK-MAPPING-START') {
      made = { kind: 'mapping', pairs: [], tag, anchor };
      this.register(anchor, made);
      this.blockMapping(made.pairs);
      return made;
    }
    if (anchor !== undefined || tagToken) {
      made = { kind: 'scalar', value: '', tag: scalarTag(tag, 'plain'), style: 'plain', anchor };
      this.register(anchor, made);
      return made;
    }
    throw this.error(block ? 'while parsing a block node' : 'while parsing a flow node', startMark, 'did not find expected node content', token.start);
  }

  private register(anchor: string | undefined, n: YamlNode): void {
    if (anchor !== undefined) this.anchors.set(anchor, n);
  }

  private blockSequence(items: YamlNode[]): void {
    const start = this.peek().start;
    this.skip();
    for (;;) {
      const token = this.peek();
      if (token.type === 'BLOCK-ENTRY') {
        const mark = token.end;
        this.skip();
        const next = this.peek();
        items.push(next.type !== 'BLOCK-ENTRY' && next.type !== 'BLOCK-END' ? this.node(true, false) : emptyScalar(mark));
      } else if (token.type === 'BLOCK-END') {
        this.skip();
        return;
      } else {
        throw this.error('while parsing a block collection', start, "did not find expected '-' indicator", token.start);
      }
    }
  }

  private indentlessSequence(items: YamlNode[]): void {
    for (;;) {
      const token = this.peek();
      if (token.type !== 'BLOCK-ENTRY') return;
      const mark = token.end;
      this.skip();
      const next = this.peek();
      const ends: TokenType[] = ['BLOCK-ENTRY', 'KEY', 'VALUE', 'BLOCK-END'];
      items.push(ends.includes(next.type) ? emptyScalar(mark) : this.node(true, false));
    }
  }

  private blockMapping(pairs: [YamlNode, YamlNode][]): void {
    const start = this.peek().start;
    this.skip();
    const ends: TokenType[] = ['KEY', 'VALUE', 'BLOCK-END'];
    for (;;) {
      let token = this.peek();
      let key: YamlNode;
      if (token.type === 'KEY') {
        const mark = token.end;
        this.skip();
        token = this.peek();
        key = ends.includes(token.type) ? emptyScalar(mark) : this.node(true, true);
      } else if (token.type === 'BLOCK-END') {
        this.skip();
        return;
      } else {
        throw this.error('while parsing a block mapping', start, 'did not find expected key', token.start);
      }
      token = this.peek();
      let value: YamlNode;
      if (token.type === 'VALUE') {
        const mark = token.end;
        this.skip();
        token = this.peek();
        value = ends.includes(token.type) ? emptyScalar(mark) : this.node(true, true);
      } else {
        value = emptyScalar(token.start);
      }
      pairs.push([key, value]);
    }
  }

  private flowSequence(items: YamlNode[]): void {
    const start = this.peek().start;
    this.skip();
    let first = true;
    for (;;) {
      let token = this.peek();
      if (token.type === 'FLOW-SEQUENCE-END') break;
      if (!first) {
        if (token.type !== 'FLOW-ENTRY') throw this.error('while parsing a flow sequence', start, "did not find expected ',' or ']'", token.start);
        this.skip();
        token = this.peek();
      }
      first = false;
      if (token.type === 'KEY') {
        // `[a: b]`: a single-pair mapping inside the sequence.
        this.skip();
        const pair = this.flowPairInSequence();
        items.push({ kind: 'mapping', pairs: [pair], tag: '' });
      } else if (token.type !== 'FLOW-SEQUENCE-END') {
        items.push(this.node(false, false));
      }
    }
    this.skip();
  }

  private flowPairInSequence(): [YamlNode, YamlNode] {
    let token = this.peek();
    const key = token.type !== 'VALUE' && token.type !== 'FLOW-ENTRY' && token.type !== 'FLOW-SEQUENCE-END' ? this.node(false, false) : emptyScalar(token.start);
    token = this.peek();
    let value: YamlNode;
    if (token.type === 'VALUE') {
      this.skip();
      token = this.peek();
      value = token.type !== 'FLOW-ENTRY' && token.type !== 'FLOW-SEQUENCE-END' ? this.node(false, false) : emptyScalar(token.start);
    } else {
      value = emptyScalar(token.start);
    }
    return [key, value];
  }

  private flowMapping(pairs: [YamlNode, YamlNode][]): void {
    const start = this.peek().start;
    this.skip();
    let first = true;
    for (;;) {
      let token = this.peek();
      if (token.type === 'FLOW-MAPPING-END') break;
      if (!first) {
        if (token.type !== 'FLOW-ENTRY') throw this.error('while parsing a flow mapping', start, "did not find expected ',' or '}'", token.start);
        this.skip();
        token = this.peek();
      }
      first = false;
      if (token.type === 'KEY') {
        this.skip();
        token = this.peek();
        const key = token.type !== 'VALUE' && token.type !== 'FLOW-ENTRY' && token.type !== 'FLOW-MAPPING-END' ? this.node(false, false) : emptyScalar(token.start);
        pairs.push([key, this.flowMappingValue()]);
      } else if (token.type !== 'FLOW-MAPPING-END') {
        const key = this.node(false, false);
        pairs.push([key, emptyScalar(this.peek().start)]);
      }
    }
    this.skip();
  }

  private flowMappingValue(): YamlNode {
    let token = this.peek();
    if (token.type === 'VALUE') {
      this.skip();
      token = this.peek();
      if (token.type !== 'FLOW-ENTRY' && token.type !== 'FLOW-MAPPING-END') return this.node(false, false);
    }
    return emptyScalar(token.start);
  }
}

/**
 * The tag the decoder resolves a scalar with: '' (plain, untagged) means "work
 * out the type from the text"; quoted and block scalars, and the lone `!` tag,
 * are strings; anything else is the explicit tag.
 */
function scalarTag(tag: string, style: ScalarStyle): string {
  if (tag === '' && style !== 'plain') return TAG_PREFIX + 'str';
  if (tag === '!') return TAG_PREFIX + 'str';
  return tag;
}

function emptyScalar(_mark?: Mark): YamlNode {
  return { kind: 'scalar', value: '', tag: '', style: 'plain' };
}
