import type { Category, Code, Codebook } from '../model/codebook.js';
import { QCODE_VERSION } from '../util/version.js';
import { formatCodeDescription } from './code-description.js';
import { deriveGuid, guidKey } from './guid.js';
import { QCODE_COMMENT_PREFIX } from './parse-refi-project.js';
import { formatQcodeNotes, type QcodeNotes } from './qcode-comment.js';
import { formatXmlDocument, type XmlNode } from './format-xml.js';

export const CODEBOOK_NAMESPACE = 'urn:QDA-XML:codebook:1.0';

export const categoryGuid = (c: Category) => c.guid ?? deriveGuid(`category:${c.id}`);
export const codeGuid = (c: Code) => c.guid ?? deriveGuid(`code:${c.id}`);

/** The code of a category that stands for the category itself (imported from a codable parent). */
function selfCode(category: Category): Code | undefined {
  const key = guidKey(categoryGuid(category));
  return category.codes.find((c) => c.guid !== undefined && guidKey(c.guid) === key);
}

function descriptionNode(text: string): XmlNode[] {
  return text === '' ? [] : [{ name: 'Description', text }];
}

function codeNode(code: Code): XmlNode {
  return {
    name: 'Code',
    attrs: [
      ['guid', codeGuid(code)],
      ['name', code.label],
      ['isCodable', 'true'],
      ['color', code.color],
    ],
    children: descriptionNode(formatCodeDescription(code)),
  };
}

/**
 * The codebook as REFI-QDA `Code` elements: a category is a parent code
 * (codable only when it stands for a code itself), its codes the children.
 */
export function formatRefiCodes(codebook: Codebook): XmlNode {
  return {
    name: 'Codes',
    children: codebook.categories.map((category) => {
      const self = selfCode(category);
      return {
        name: 'Code',
        attrs: [
          ['guid', categoryGuid(category)],
          ['name', category.label],
          ['isCodable', self ? 'true' : 'false'],
          ['color', self?.color],
        ],
        children: [
          ...descriptionNode(self ? formatCodeDescription(self) : category.description),
          ...category.codes.filter((c) => c !== self).map(codeNode),
        ],
      };
    }),
  };
}

/** What the exchange format cannot carry, for qcode to read back (see qcode-comment.ts). */
export function codebookNotes(codebook: Codebook): QcodeNotes {
  const categories: NonNullable<QcodeNotes['categories']> = {};
  const codes: NonNullable<QcodeNotes['codes']> = {};
  for (const category of codebook.categories) {
    categories[guidKey(categoryGuid(category))] = { id: category.id, exclusive: category.exclusive };
    for (const code of category.codes) codes[guidKey(codeGuid(code))] = { id: code.id, patterns: code.patterns };
  }
  const { name, version, title, description, language, unit } = codebook;
  return { codebook: { name, version, title, description, language, unit }, categories, codes };
}

export function qcodeCommentText(notes: QcodeNotes): string {
  return `${QCODE_COMMENT_PREFIX} ${formatQcodeNotes(notes)}`;
}

/** A REFI-QDA codebook file (.qdc), valid against the standard's Codebook.xsd. */
export function formatQdc(codebook: Codebook): string {
  const codes = formatRefiCodes(codebook);
  codes.comment = qcodeCommentText(codebookNotes(codebook));
  return formatXmlDocument({
    name: 'CodeBook',
    attrs: [
      ['xmlns', CODEBOOK_NAMESPACE],
      ['origin', `qcode ${QCODE_VERSION}`],
    ],
    children: [codes],
  });
}
