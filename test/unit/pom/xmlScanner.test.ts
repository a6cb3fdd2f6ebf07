import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parseXmlWithLibrary } from '../../../src/core/pom/xmlLibraryParser';
import { scanXml } from '../../../src/core/pom/xmlScanner';
import { parseXml, type XmlElement } from '../../../src/core/pom/xmlTree';
import { fixturePath } from '../helpers/paths';

function xmlFilesUnder(root: string): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(xml|pom)$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** The scanner either leaves a document to the library or gives exactly the library's tree. */
function assertScanMatchesLibrary(text: string, label: string): boolean {
  const scanned = scanXml(text);
  const library = parseXmlWithLibrary(text);
  assert.deepEqual(parseXml(text), scanned === undefined ? library : { ok: true, root: scanned, hasDoctype: false }, label);
  if (scanned === undefined) return false;
  assert.ok(library.ok, `${label}: the scanner accepted a document the library rejects: ${library.ok ? '' : library.error.message}`);
  assert.deepEqual(scanned, library.root, label);
  assert.equal(library.hasDoctype, false, label);
  return true;
}

const plainPom = `<?xml version="1.0" encoding="UTF-8"?>
<!-- licence header -->
<project xmlns="http://maven.apache.org/POM/4.0.0" xmlns:xsi='http://www.w3.org/2001/XMLSchema-instance'
         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 http://maven.apache.org/xsd/maven-4.0.0.xsd">
  <modelVersion>4.0.0</modelVersion>
  <artifactId>a</artifactId>
  <dependencies>
    <dependency><groupId>g</groupId><artifactId>b</artifactId><optional/></dependency>
  </dependencies>
</project>
`;

// Documents at the edges of what the scanner accepts: each must give the library's tree or be left to it.
const edgeCases: Record<string, string> = {
  'CR LF and lone CR line ends': '<a x="1\r\n2">\r\n  one\r\ntwo\rthree\r\n  <b>\r\n</b></a>\r\n',
  'text split by comments, children and CDATA': '<a> x <!-- c --> y <b/> z <![CDATA[ raw & <kept> ]]> w </a>',
  'empty CDATA': '<a><![CDATA[]]></a>',
  'CR LF inside CDATA': '<a><![CDATA[x\r\ny\rz]]></a>',
  'references in text and attributes': '<a t="&lt;&#65;&#x42;&unknown;">&amp;&#x1F600;&quot;&apos;&gt;&nbsp;&#32;</a>',
  'reference of 21 characters': '<a>&abcdefghijklmnopqrstu;</a>',
  'numeric reference without digits': '<a>&#;</a>',
  'bare ampersand': '<a>fish & chips</a>',
  'ampersand in an attribute': '<a t="fish & chips"/>',
  '> inside an attribute value': '<a t="x>y" u=\'"\'>text</a>',
  '< inside an attribute value': '<a t="x<y">text</a>',
  'spaces around = and in end tags': '<a  t = "1"\n\tu=\'2\' >x</a\n >',
  'attribute values trimmed': '<a t="  padded  "/>',
  'attributes without separating space': '<a t="1"u="2"/>',
  'duplicate attribute': '<a t="1" t="2"/>',
  'boolean attribute': '<a checked/>',
  'unquoted attribute': '<a t=1/>',
  'slash apart from >': '<a / >',
  'mismatched end tag': '<a><b></a></b>',
  'end tag with a longer name': '<a></ab>',
  'unclosed element': '<a><b></b>',
  'unclosed comment': '<a><!-- </a>',
  'unclosed CDATA': '<a><![CDATA[ </a>',
  'two roots': '<a/><b/>',
  'text after the root': '<a/> tail',
  'text before the root': 'lead <a/>',
  'comments around the root': '<!-- one --><a/><!-- two -->\n',
  'no root': '<!-- only a comment -->',
  'empty document': '',
  'processing instruction inside': '<a><?pi data?></a>',
  'declaration not at the start': ' <?xml version="1.0"?><a/>',
  'declaration with unusual content': '<?xml version="1.0" foo="bar"?><a/>',
  'byte order mark': '\ufeff<?xml version="1.0"?><a/>',
  'doctype with entities': '<!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>',
  'doctype inside a prolog comment': '<!-- <!DOCTYPE a> --><a/>',
  'doctype text after the root start': '<a><!-- <!DOCTYPE a> --></a>',
  'names with dots, dashes, digits, colons': '<a.b-c_1 x:y="1"><n:m/></a.b-c_1>',
  'non-ASCII name': '<ä/>',
  'non-ASCII white space in text': '<a>\u00a0x\u00a0</a>',
  'only non-ASCII white space': '<a>\u00a0</a>',
  'guarded element name': '<a><constructor/></a>',
  'guarded attribute name': '<a toString="x"/>',
  'guarded name as text': '<a>constructor</a>',
  'deep nesting': `${'<a>'.repeat(70)}${'</a>'.repeat(70)}`,
  'nesting within the limit': `${'<a>'.repeat(60)}x${'</a>'.repeat(60)}`,
  '< followed by space': '<a>< b</a>',
  'end tag in the prolog': '</a><a/>',
};

describe('scanXml', () => {
  it('gives the library tree for every pom and XML file under test/fixtures and every Debian pom', () => {
    const files = [...xmlFilesUnder(fixturePath()), ...xmlFilesUnder('/usr/share/maven-repo')];
    let scanned = 0;
    for (const file of files) {
      if (assertScanMatchesLibrary(readFileSync(file, 'utf8'), file)) scanned++;
    }
    assert.ok(files.length > 300, `only ${files.length} files found`);
    // The fast path must be the common one: only DOCTYPEs, odd markup and broken documents are left.
    assert.ok(scanned > files.length * 0.9, `scanned ${scanned} of ${files.length}`);
  });

  it('gives the library tree for documents at the edges of what it accepts', () => {
    for (const [label, text] of Object.entries(edgeCases)) assertScanMatchesLibrary(text, label);
  });

  it('reads a plain pom itself, with ranges, content ranges, attributes and decoded text', () => {
    const root = scanXml(plainPom);
    assert.ok(root);
    assert.equal(root.name, 'project');
    assert.equal(plainPom.slice(root.range.start, root.range.end).endsWith('</project>'), true);
    assert.equal(root.attributes.get('xmlns:xsi'), 'http://www.w3.org/2001/XMLSchema-instance');
    const dependency = root.children.find((child) => child.name === 'dependencies')?.children[0];
    assert.equal(plainPom.slice(dependency!.contentRange.start, dependency!.contentRange.end).startsWith('<groupId>g'), true);
    assert.deepEqual(
      dependency!.children.map((child) => [child.name, child.text]),
      [['groupId', 'g'], ['artifactId', 'b'], ['optional', '']],
    );
    assert.equal(scanXml('<a>x &amp; y<!--c-->z</a>')?.text, 'x & yz');
    // A `>` in an attribute value does not end the start tag, in either parser.
    const quoted = '<a t="x>y" u=\'>\'>text</a>';
    for (const element of [scanXml(quoted), (parseXmlWithLibrary(quoted) as { root: XmlElement }).root]) {
      assert.equal(quoted.slice(element!.contentRange.start, element!.contentRange.end), 'text');
    }
  });

  it('leaves malformed documents and DTDs to the library, which reports the position', () => {
    for (const label of ['mismatched end tag', 'unclosed element', 'duplicate attribute', 'two roots', 'bare ampersand', 'doctype with entities']) {
      assert.equal(scanXml(edgeCases[label]!), undefined, label);
    }
    const broken = parseXml('<project>\n  <a>\n</project>');
    assert.equal(broken.ok, false);
    if (!broken.ok) assert.deepEqual([broken.error.line, broken.error.column], [3, 1]);
  });
});
