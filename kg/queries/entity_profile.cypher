// description: 实体档案 — an entity with its branches, Party organisations, programmes, functions, supervisors (facts a drafter rejected left out) and counts
// param entity_id: str — the entity id
MATCH (e:Entity {id: $entity_id})
OPTIONAL MATCH (b:Branch)-[x1:BRANCH_OF]->(e) WHERE coalesce(x1.review, '') <> 'rejected'
WITH e, collect(DISTINCT b.name) AS branches
OPTIONAL MATCH (po:PartyOrganization)-[x2:PARTY_ORG_OF]->(e) WHERE coalesce(x2.review, '') <> 'rejected'
WITH e, branches, collect(DISTINCT po.name) AS party_organizations
OPTIONAL MATCH (e)-[x3:RUNS]->(t:TalentProgram) WHERE coalesce(x3.review, '') <> 'rejected'
WITH e, branches, party_organizations, collect(DISTINCT t.name) AS programmes
OPTIONAL MATCH (e)-[x4:UNDERTAKES]->(f:GovernmentFunction) WHERE coalesce(x4.review, '') <> 'rejected'
WITH e, branches, party_organizations, programmes, collect(DISTINCT f.name) AS functions
OPTIONAL MATCH (e)-[x5:SUPERVISED_BY]->(a:Agency) WHERE coalesce(x5.review, '') <> 'rejected'
WITH e, branches, party_organizations, programmes, functions, collect(DISTINCT a.name) AS supervisors
RETURN e.id AS id, e.name AS name, e.label AS label, e.aliases AS aliases, e.generic AS generic,
       e.merged_names AS merged_names,
       branches, party_organizations, programmes, functions, supervisors,
       coalesce(e.mention_count, 0) AS mentions  // kept at every write (kg/aggregates.py; kg check recounts it)
