/**
 * A REFI-QDA project (.qde) or codebook (.qdc) as read, before it becomes
 * qcode's model. GUIDs are kept as written; references compare by guidKey.
 * `line` is where the element's start tag stands in the XML, for messages.
 */
export interface RefiCode {
  guid: string;
  name: string;
  isCodable: boolean;
  color?: string;
  description: string;
  children: RefiCode[];
  line: number;
}

export interface RefiUser {
  guid: string;
  name?: string;
  id?: string;
}

export interface RefiCoding {
  guid: string;
  codeGuid: string;
  creatingUser?: string;
  line: number;
}

export interface RefiSelection {
  guid: string;
  name: string;
  start: number;
  end: number;
  creatingUser?: string;
  description: string;
  codings: RefiCoding[];
  line: number;
}

export interface RefiVariableValue {
  variableGuid: string;
  value: string;
}

export interface RefiTextSource {
  guid: string;
  name?: string;
  plainTextPath?: string;
  plainTextContent?: string;
  description: string;
  selections: RefiSelection[];
  /** Codings of the whole source (Coding elements directly in TextSource). */
  codings: RefiCoding[];
  variableValues: RefiVariableValue[];
  line: number;
}

export interface RefiSet {
  guid: string;
  name: string;
  description: string;
  memberSources: string[];
  memberCodes: string[];
}

export interface RefiCase {
  guid: string;
  name: string;
  sourceRefs: string[];
  variableValues: RefiVariableValue[];
}

export interface RefiVariable {
  guid: string;
  name: string;
  type: string;
}

/** What a project holds that qcode does not import, counted for the data-loss warning. */
export interface RefiSkipped {
  /** Element name → how many, e.g. PDFSource → 2. */
  sources: Record<string, { count: number; codings: number; names: string[] }>;
  notes: number;
  links: number;
  graphs: number;
  /** Sets whose members are codes (code groups): no place in a qcode codebook. */
  codeSets: number;
  /** Cases' own codings (CodeRef in Case). */
  caseCodeRefs: number;
  /** NoteRef elements on codes, sources, selections and codings. */
  noteRefs: number;
}

export interface RefiProject {
  kind: 'project' | 'codebook';
  name: string;
  origin: string;
  namespace: string;
  basePath: string;
  users: RefiUser[];
  codes: RefiCode[];
  textSources: RefiTextSource[];
  sets: RefiSet[];
  cases: RefiCase[];
  variables: RefiVariable[];
  skipped: RefiSkipped;
  /** A qcode export's own machine-readable notes (an XML comment), if any. */
  qcodeComment?: string;
}
