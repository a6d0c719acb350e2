/**
 * A small, strict XML 1.0 well-formedness checker for the files the site writes (Atom feed,
 * sitemap), returning a minimal tree so tests can read them. No XML package is installed, and
 * none is needed for documents this simple.
 *
 * It rejects what a conforming parser rejects in such documents: a missing or malformed XML
 * declaration, unbalanced or crossed tags, more than one root, text outside the root, unquoted
 * or duplicate attributes, `<` in an attribute value, any entity other than the five XML ones
 * (so no `&nbsp;`), bad numeric references, characters XML forbids, `]]>` in text, `--` inside a
 * comment, and undeclared namespace prefixes. Deliberately unsupported (rejected): DOCTYPE
 * declarations, which these documents never need.
 */

export class XmlError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(`${line}:${column}: ${message}`);
    this.name = 'XmlError';
  }
}

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  /** Elements and decoded text, in document order. */
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

export interface XmlDocument {
  declaration: { version: string; encoding: string | null; standalone: string | null };
  root: XmlElement;
}

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

// XML 1.0 (fifth edition) productions 4 and 4a (names); isXmlChar is production 2.
const NAME_START =
  ':A-Z_a-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C-\\u200D' +
  '\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD\\u{10000}-\\u{EFFFF}';
const NAME_CHAR = `${NAME_START}\\-.0-9\\u00B7\\u0300-\\u036F\\u203F-\\u2040`;
const NAME = new RegExp(`[${NAME_START}][${NAME_CHAR}]*`, 'uy');
const SPACE = /[ \t\r\n]+/y;

function isXmlChar(code: number): boolean {
  return code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
}

/** Parses `text` as a complete XML document; throws XmlError at the first problem. */
export function parseXml(text: string): XmlDocument {
  return new Parser(text).document();
}

/** Throws XmlError unless `text` is a well-formed XML document. */
export function assertWellFormedXml(text: string): void {
  parseXml(text);
}

class Parser {
  private pos = 0;

  constructor(private readonly src: string) {}

  document(): XmlDocument {
    if (this.src.startsWith('\uFEFF')) this.pos = 1;
    for (let i = this.pos; i < this.src.length; ) {
      const code = this.src.codePointAt(i) as number; // a lone surrogate comes back as itself
      if (!isXmlChar(code)) this.failAt(i, `character U+${code.toString(16).toUpperCase().padStart(4, '0')} is not allowed in XML`);
      i += code > 0xffff ? 2 : 1;
    }
    const declaration = this.declaration();
    this.misc();
    if (this.src.startsWith('<!DOCTYPE', this.pos)) this.fail('DOCTYPE declarations are not supported');
    if (this.src[this.pos] !== '<' || this.pos >= this.src.length) this.fail('expected the root element');
    const root = this.element(new Map([['xml', 'http://www.w3.org/XML/1998/namespace']]));
    this.misc();
    if (this.pos < this.src.length) {
      this.fail(this.src[this.pos] === '<' ? 'more than one root element' : 'text after the root element');
    }
    return { declaration, root };
  }

  private declaration(): XmlDocument['declaration'] {
    if (!this.src.startsWith('<?xml', this.pos) || !/[ \t\r\n]/.test(this.src[this.pos + 5] ?? '')) {
      this.fail('the document must start with an XML declaration <?xml version="1.0" ...?>');
    }
    this.pos += 5;
    const pseudo: Array<[string, RegExp, boolean]> = [
      ['version', /^1\.[0-9]+$/, true],
      ['encoding', /^[A-Za-z][A-Za-z0-9._-]*$/, false],
      ['standalone', /^(yes|no)$/, false],
    ];
    const values: Record<string, string | null> = { version: null, encoding: null, standalone: null };
    for (const [name, pattern, required] of pseudo) {
      const save = this.pos;
      const hadSpace = this.space();
      if (hadSpace && this.src.startsWith(name, this.pos)) {
        this.pos += name.length;
        this.space();
        this.expect('=');
        this.space();
        const value = this.quoted();
        if (!pattern.test(value)) this.fail(`bad ${name} "${value}" in the XML declaration`);
        values[name] = value;
      } else {
        if (required) this.fail('the XML declaration must give version first');
        this.pos = save;
      }
    }
    this.space();
    this.expect('?>', 'the XML declaration is not closed by ?> (or has an unknown or misplaced attribute)');
    return { version: values.version as string, encoding: values.encoding ?? null, standalone: values.standalone ?? null };
  }

  /** Comments, processing instructions and white space (outside the root). */
  private misc(): void {
    for (;;) {
      this.space();
      if (this.src.startsWith('<!--', this.pos)) this.comment();
      else if (this.src.startsWith('<?', this.pos)) this.processingInstruction();
      else return;
    }
  }

  private element(namespaces: Map<string, string>): XmlElement {
    const start = this.pos;
    this.expect('<');
    const name = this.name('an element name');
    const attributes: Record<string, string> = {};
    for (;;) {
      const hadSpace = this.space();
      const c = this.src[this.pos];
      if (c === '>' || c === '/') break;
      if (c === undefined) this.fail(`unclosed start tag <${name}`);
      if (!hadSpace) this.fail('attributes must be separated by white space');
      const attrPos = this.pos;
      const attr = this.name('an attribute name');
      if (Object.hasOwn(attributes, attr)) {
        this.pos = attrPos;
        this.fail(`duplicate attribute ${attr}`);
      }
      this.space();
      this.expect('=', `attribute ${attr} needs a value (=)`);
      this.space();
      if (this.src[this.pos] !== '"' && this.src[this.pos] !== "'") this.fail(`the value of ${attr} must be quoted`);
      attributes[attr] = this.attributeValue();
    }
    const scope = new Map(namespaces);
    for (const [attr, value] of Object.entries(attributes)) {
      if (attr.startsWith('xmlns:')) {
        if (!value) this.fail(`${attr} must not be empty`);
        scope.set(attr.slice(6), value);
      }
    }
    this.checkPrefix(name, scope, start, true);
    for (const attr of Object.keys(attributes)) if (attr !== 'xmlns' && !attr.startsWith('xmlns:')) this.checkPrefix(attr, scope, start, false);
    const element: XmlElement = { name, attributes, children: [] };
    if (this.src.startsWith('/>', this.pos)) {
      this.pos += 2;
      return element;
    }
    this.expect('>');
    this.content(element, scope);
    const endPos = this.pos;
    this.expect('</');
    const endName = this.name('an end tag name');
    if (endName !== name) {
      this.pos = endPos;
      this.fail(`end tag </${endName}> does not match <${name}> (${this.where(start)})`);
    }
    this.space();
    this.expect('>', `end tag </${endName} is not closed by >`);
    return element;
  }

  private content(element: XmlElement, scope: Map<string, string>): void {
    let text = '';
    const flush = () => {
      if (text) element.children.push(text);
      text = '';
    };
    for (;;) {
      if (this.pos >= this.src.length) this.fail(`element <${element.name}> is never closed`);
      const c = this.src[this.pos];
      if (c === '<') {
        if (this.src.startsWith('</', this.pos)) {
          flush();
          return;
        }
        if (this.src.startsWith('<!--', this.pos)) this.comment();
        else if (this.src.startsWith('<![CDATA[', this.pos)) {
          const end = this.src.indexOf(']]>', this.pos + 9);
          if (end < 0) this.fail('unclosed CDATA section');
          text += this.src.slice(this.pos + 9, end);
          this.pos = end + 3;
        } else if (this.src.startsWith('<?', this.pos)) this.processingInstruction();
        else if (this.src.startsWith('<!', this.pos)) this.fail('markup declarations are not allowed in content');
        else {
          flush();
          element.children.push(this.element(scope));
        }
      } else if (c === '&') {
        text += this.reference();
      } else {
        if (this.src.startsWith(']]>', this.pos)) this.fail('"]]>" is not allowed in text');
        text += c;
        this.pos++;
      }
    }
  }

  private attributeValue(): string {
    const quote = this.src[this.pos] as string;
    this.pos++;
    let value = '';
    for (;;) {
      const c = this.src[this.pos];
      if (c === undefined) this.fail('unclosed attribute value');
      if (c === quote) {
        this.pos++;
        return value;
      }
      if (c === '<') this.fail('"<" is not allowed in an attribute value');
      if (c === '&') value += this.reference();
      else {
        // Attribute-value normalisation (XML 1.0 §3.3.3): white space characters become spaces.
        value += c === '\t' || c === '\n' || c === '\r' ? ' ' : c;
        this.pos++;
      }
    }
  }

  /** `&name;` or `&#n;` / `&#xh;`, at this.pos; returns the character(s) it stands for. */
  private reference(): string {
    const m = /&(?:([A-Za-z_:][\w.:-]*)|#([0-9]+)|#x([0-9A-Fa-f]+));/y;
    m.lastIndex = this.pos;
    const r = m.exec(this.src);
    if (!r) this.fail('"&" must start an entity or character reference such as &amp; or &#160;');
    const [whole, name, dec, hex] = r;
    if (name !== undefined) {
      const value = PREDEFINED[name];
      if (value === undefined) this.fail(`unknown entity &${name}; (XML defines only &lt; &gt; &amp; &quot; &apos;)`);
      this.pos += whole.length;
      return value;
    }
    const code = dec !== undefined ? Number.parseInt(dec, 10) : Number.parseInt(hex as string, 16);
    if (!isXmlChar(code)) this.fail(`character reference ${whole} is not a character XML allows`);
    this.pos += whole.length;
    return String.fromCodePoint(code);
  }

  private comment(): void {
    const end = this.src.indexOf('--', this.pos + 4);
    if (end < 0) this.fail('unclosed comment');
    if (this.src[end + 2] !== '>') {
      this.pos = end;
      this.fail('"--" is not allowed inside a comment');
    }
    this.pos = end + 3;
  }

  private processingInstruction(): void {
    this.pos += 2;
    const target = this.name('a processing-instruction target');
    if (target.toLowerCase() === 'xml') this.fail('an XML declaration is only allowed at the very start');
    const end = this.src.indexOf('?>', this.pos);
    if (end < 0) this.fail('unclosed processing instruction');
    if (end > this.pos && !/^[ \t\r\n]/.test(this.src[this.pos] ?? '')) this.fail('white space must follow a processing-instruction target');
    this.pos = end + 2;
  }

  private checkPrefix(name: string, scope: Map<string, string>, at: number, isElement: boolean): void {
    const parts = name.split(':');
    if (parts.length > 2 || parts.some((p) => !p)) this.failAt(at, `"${name}" is not a valid namespaced name`);
    if (parts.length === 2) {
      const prefix = parts[0] as string;
      if (prefix === 'xmlns' && isElement) this.failAt(at, 'the xmlns prefix is reserved');
      if (!scope.has(prefix)) this.failAt(at, `namespace prefix "${prefix}" is not declared`);
    }
  }

  private name(what: string): string {
    NAME.lastIndex = this.pos;
    const m = NAME.exec(this.src);
    if (!m) this.fail(`expected ${what}`);
    this.pos += m[0].length;
    return m[0];
  }

  private quoted(): string {
    const q = this.src[this.pos];
    if (q !== '"' && q !== "'") this.fail('expected a quoted value');
    const end = this.src.indexOf(q, this.pos + 1);
    if (end < 0) this.fail('unclosed quoted value');
    const value = this.src.slice(this.pos + 1, end);
    this.pos = end + 1;
    return value;
  }

  private space(): boolean {
    SPACE.lastIndex = this.pos;
    const m = SPACE.exec(this.src);
    if (!m) return false;
    this.pos += m[0].length;
    return true;
  }

  private expect(s: string, message?: string): void {
    if (!this.src.startsWith(s, this.pos)) this.fail(message ?? `expected "${s}"`);
    this.pos += s.length;
  }

  private where(offset: number): string {
    const before = this.src.slice(0, offset);
    const line = before.split('\n').length;
    return `${line}:${offset - before.lastIndexOf('\n')}`;
  }

  private failAt(offset: number, message: string): never {
    this.pos = offset;
    return this.fail(message);
  }

  private fail(message: string): never {
    const before = this.src.slice(0, this.pos);
    const line = before.split('\n').length;
    throw new XmlError(message, line, this.pos - before.lastIndexOf('\n'));
  }
}

// -------------------------------------------------------------------------------------------
// Reading the tree

/** Child elements of `el`, optionally only those named `name`. */
export function childElements(el: XmlElement, name?: string): XmlElement[] {
  return el.children.filter((c): c is XmlElement => typeof c !== 'string' && (name === undefined || c.name === name));
}

/** The single child element named `name`; throws when there is none or more than one. */
export function onlyChild(el: XmlElement, name: string): XmlElement {
  const found = childElements(el, name);
  if (found.length !== 1) throw new Error(`<${el.name}> has ${found.length} <${name}> children, expected 1`);
  return found[0] as XmlElement;
}

/** The decoded text of `el` and its descendants. */
export function textContent(el: XmlElement): string {
  return el.children.map((c) => (typeof c === 'string' ? c : textContent(c))).join('');
}
