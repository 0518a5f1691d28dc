// description: 实体档案 — an entity with its branches, Party organisations, programmes, functions, supervisors, the societies it supervises (each list by name; facts a drafter rejected left out) and counts
// param entity_id: str — the entity id
// The entities it states facts with are kept on it at every write (kg/aggregates.py: `neighbours`, one
// "TYPE|way|id" each, rejected facts left out): a hub states each of them once per document (tens of thousands of
// relationships), and only these few are read.
MATCH (e:Entity {id: $entity_id})
CALL (e) {
  UNWIND coalesce(e.neighbours, []) AS key
  WITH split(key, '|') AS k
  WITH k[0] + '|' + k[1] AS tie, k[2] AS oid
  WHERE tie IN ['BRANCH_OF|in', 'PARTY_ORG_OF|in', 'RUNS|out', 'UNDERTAKES|out', 'SUPERVISED_BY|out', 'SUPERVISED_BY|in']
  MATCH (o:Entity {id: oid})
  WITH tie, o.name AS name, o.label AS label
  WHERE (tie = 'BRANCH_OF|in' AND label = 'Branch') OR (tie = 'PARTY_ORG_OF|in' AND label = 'PartyOrganization')
     OR (tie = 'RUNS|out' AND label = 'TalentProgram') OR (tie = 'UNDERTAKES|out' AND label = 'GovernmentFunction')
     OR (tie = 'SUPERVISED_BY|out' AND label = 'Agency') OR (tie = 'SUPERVISED_BY|in' AND label = 'Society')
  WITH DISTINCT tie, name ORDER BY name
  RETURN [x IN collect([tie, name]) WHERE x[0] = 'BRANCH_OF|in' | x[1]] AS branches,
         [x IN collect([tie, name]) WHERE x[0] = 'PARTY_ORG_OF|in' | x[1]] AS party_organizations,
         [x IN collect([tie, name]) WHERE x[0] = 'RUNS|out' | x[1]] AS programmes,
         [x IN collect([tie, name]) WHERE x[0] = 'UNDERTAKES|out' | x[1]] AS functions,
         [x IN collect([tie, name]) WHERE x[0] = 'SUPERVISED_BY|out' | x[1]] AS supervisors,
         [x IN collect([tie, name]) WHERE x[0] = 'SUPERVISED_BY|in' | x[1]] AS supervised
}
RETURN e.id AS id, e.name AS name, e.label AS label, e.aliases AS aliases, e.generic AS generic,
       e.merged_names AS merged_names,
       branches, party_organizations, programmes, functions, supervisors, supervised,
       coalesce(e.mention_count, 0) AS mentions,  // kept at every write (kg/aggregates.py; kg check recounts them)
       coalesce(e.document_count, 0) AS documents
