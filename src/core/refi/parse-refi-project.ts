import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diag } from '../diagnostics/qcode-error.js';
import { isGuid } from './guid.js';
import type {
  RefiCase,
  RefiCode,
  RefiCoding,
  RefiProject,
  RefiSelection,
  RefiSet,
  RefiSkipped,
  RefiTextSource,
  RefiVariableValue,
} from './refi-project.js';
import { childNamed, childrenNamed, childText, descendantsNamed, type XmlElement } from './xml-element.js';

const MEDIA_SOURCES = ['PDFSource', 'PictureSource', 'AudioSource', 'VideoSource'] as const;

/** Marker of the machine-readable comment qcode writes into its exports. */
export const QCODE_COMMENT_PREFIX = 'qcode:';

/**
 * Reads the element tree of a project.qde (root Project) or a .qdc (root
 * CodeBook) into a RefiProject. Namespaces are not checked: tools write
 * `codebook:1.0`, `codebook:0:4` or none. A missing required attribute is a
 * QC803 error at the element; everything qcode does not import is counted in
 * `skipped`, to be reported as data loss.
 */
export function parseRefiProject(root: XmlElement, file: string): { project?: RefiProject; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  if (root.name !== 'Project' && root.name !== 'CodeBook') {
    return { diagnostics: [diag('QC801', `the root element is <${root.name}>, not <Project> or <CodeBook>`, { at: { file, line: root.line } })] };
  }
  const at = (el: XmlElement) => ({ file, line: el.line, col: el.col });
  const need = (el: XmlElement, attr: string, kind: 'guid' | 'integer' | 'text' = 'text'): string => {
    const v = el.attrs[attr];
    if (v === undefined) {
      diagnostics.push(diag('QC803', `<${el.name}> has no ${attr} attribute`, { at: at(el) }));
      return '';
    }
    if (kind === 'guid' && !isGuid(v.trim())) diagnostics.push(diag('QC803', `<${el.name}> ${attr}="${v}" is not a GUID`, { at: at(el) }));
    if (kind === 'integer' && !/^\s*-?\d+\s*$/.test(v)) diagnostics.push(diag('QC803', `<${el.name}> ${attr}="${v}" is not a whole number`, { at: at(el) }));
    return v.trim();
  };
  const optional = (el: XmlElement, attr: string) => (el.attrs[attr] === undefined ? {} : { [attr]: el.attrs[attr]!.trim() });

  const readCode = (el: XmlElement): RefiCode => ({
    guid: need(el, 'guid', 'guid'),
    name: need(el, 'name'),
    // Required by the schema; a tool that leaves it out means an ordinary code.
    isCodable: !['false', '0'].includes((el.attrs.isCodable ?? 'true').trim()),
    ...(el.attrs.color ? { color: el.attrs.color.trim() } : {}),
    description: childText(el, 'Description'),
    children: childrenNamed(el, 'Code').map(readCode),
    line: el.line,
  });
  const codebookEl = root.name === 'CodeBook' ? root : childNamed(root, 'CodeBook');
  const codesEl = codebookEl && childNamed(codebookEl, 'Codes');
  const codes = codesEl ? childrenNamed(codesEl, 'Code').map(readCode) : [];

  const readCoding = (el: XmlElement): RefiCoding => {
    const ref = childNamed(el, 'CodeRef');
    if (!ref) diagnostics.push(diag('QC803', '<Coding> has no <CodeRef>', { at: at(el) }));
    return { guid: need(el, 'guid', 'guid'), codeGuid: ref ? need(ref, 'targetGUID', 'guid') : '', ...optional(el, 'creatingUser'), line: el.line };
  };
  const readSelection = (el: XmlElement): RefiSelection => ({
    guid: need(el, 'guid', 'guid'),
    name: el.attrs.name ?? '',
    start: Number(need(el, 'startPosition', 'integer')),
    end: Number(need(el, 'endPosition', 'integer')),
    ...optional(el, 'creatingUser'),
    description: childText(el, 'Description'),
    codings: childrenNamed(el, 'Coding').map(readCoding),
    line: el.line,
  });
  const readValues = (el: XmlElement): RefiVariableValue[] =>
    childrenNamed(el, 'VariableValue').map((vv) => {
      const ref = childNamed(vv, 'VariableRef');
      const valueEl = vv.children.find((c) => c.name !== 'VariableRef');
      return { variableGuid: ref ? need(ref, 'targetGUID', 'guid') : '', value: valueEl?.text.trim() ?? '' };
    });

  const sourcesEl = childNamed(root, 'Sources');
  const textSources: RefiTextSource[] = [];
  const skipped: RefiSkipped = { sources: {}, notes: 0, links: 0, graphs: 0, codeSets: 0, caseCodeRefs: 0, noteRefs: 0 };
  for (const el of sourcesEl?.children ?? []) {
    if (el.name === 'TextSource') {
      const content = childNamed(el, 'PlainTextContent');
      textSources.push({
        guid: need(el, 'guid', 'guid'),
        ...optional(el, 'name'),
        ...optional(el, 'plainTextPath'),
        ...(content ? { plainTextContent: content.text } : {}),
        description: childText(el, 'Description'),
        selections: childrenNamed(el, 'PlainTextSelection').map(readSelection),
        codings: childrenNamed(el, 'Coding').map(readCoding),
        variableValues: readValues(el),
        line: el.line,
      });
    } else if ((MEDIA_SOURCES as readonly string[]).includes(el.name)) {
      const entry = (skipped.sources[el.name] ??= { count: 0, codings: 0, names: [] });
      entry.count++;
      entry.codings += descendantsNamed(el, 'Coding').length;
      entry.names.push(el.attrs.name ?? el.attrs.guid ?? '');
    }
  }
  skipped.notes = childNamed(root, 'Notes')?.children.length ?? 0;
  skipped.links = childNamed(root, 'Links')?.children.length ?? 0;
  skipped.graphs = childNamed(root, 'Graphs')?.children.length ?? 0;
  skipped.noteRefs = descendantsNamed(root, 'NoteRef').length;

  const setsEl = childNamed(root, 'Sets');
  const sets: RefiSet[] = (setsEl ? childrenNamed(setsEl, 'Set') : []).map((el) => ({
    guid: need(el, 'guid', 'guid'),
    name: need(el, 'name'),
    description: childText(el, 'Description'),
    memberSources: childrenNamed(el, 'MemberSource').map((m) => need(m, 'targetGUID', 'guid')),
    // A .qdc writes MemberCode guid="…", a project MemberCode targetGUID="…".
    memberCodes: childrenNamed(el, 'MemberCode').map((m) => (m.attrs.targetGUID ?? need(m, 'guid', 'guid')).trim()),
  }));
  skipped.codeSets = sets.filter((s) => s.memberCodes.length > 0).length;

  const casesEl = childNamed(root, 'Cases');
  const cases: RefiCase[] = (casesEl ? childrenNamed(casesEl, 'Case') : []).map((el) => {
    skipped.caseCodeRefs += childrenNamed(el, 'CodeRef').length;
    return {
      guid: need(el, 'guid', 'guid'),
      name: el.attrs.name ?? '',
      sourceRefs: childrenNamed(el, 'SourceRef').map((r) => need(r, 'targetGUID', 'guid')),
      variableValues: readValues(el),
    };
  });
  const variablesEl = childNamed(root, 'Variables');
  const variables = (variablesEl ? childrenNamed(variablesEl, 'Variable') : []).map((el) => ({
    guid: need(el, 'guid', 'guid'),
    name: need(el, 'name'),
    type: el.attrs.typeOfVariable ?? 'Text',
  }));
  const usersEl = childNamed(root, 'Users');
  const users = (usersEl ? childrenNamed(usersEl, 'User') : []).map((el) => ({ guid: need(el, 'guid', 'guid'), ...optional(el, 'name'), ...optional(el, 'id') }));
  const comment = root.comments.find((c) => c.trim().startsWith(QCODE_COMMENT_PREFIX));
  const project: RefiProject = {
    kind: root.name === 'Project' ? 'project' : 'codebook',
    name: root.attrs.name ?? '',
    origin: root.attrs.origin ?? (codebookEl?.attrs.origin ?? ''),
    namespace: root.namespace,
    basePath: root.attrs.basePath ?? '',
    users,
    codes,
    textSources,
    sets,
    cases,
    variables,
    skipped,
    ...(comment ? { qcodeComment: comment.trim().slice(QCODE_COMMENT_PREFIX.length).trim() } : {}),
  };
  return { project, diagnostics };
}
