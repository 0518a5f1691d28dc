// description: 实体档案 — an entity with its branches, Party organisations, programmes, functions, supervisors and counts
// param entity_id: str — the entity id
MATCH (e:Entity {id: $entity_id})
OPTIONAL MATCH (b:Branch)-[:BRANCH_OF]->(e)
WITH e, collect(DISTINCT b.name) AS branches
OPTIONAL MATCH (po:PartyOrganization)-[:PARTY_ORG_OF]->(e)
WITH e, branches, collect(DISTINCT po.name) AS party_organizations
OPTIONAL MATCH (e)-[:RUNS]->(t:TalentProgram)
WITH e, branches, party_organizations, collect(DISTINCT t.name) AS programmes
OPTIONAL MATCH (e)-[:UNDERTAKES]->(f:GovernmentFunction)
WITH e, branches, party_organizations, programmes, collect(DISTINCT f.name) AS functions
OPTIONAL MATCH (e)-[:SUPERVISED_BY]->(a:Agency)
WITH e, branches, party_organizations, programmes, functions, collect(DISTINCT a.name) AS supervisors
RETURN e.id AS id, e.name AS name, e.label AS label, e.aliases AS aliases, e.generic AS generic,
       branches, party_organizations, programmes, functions, supervisors,
       COUNT { (e)<-[:MENTIONS]-() } AS mentions
