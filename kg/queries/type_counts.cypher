// description: 类型统计 — how many nodes of each type: documents by kind, entities by label, passages, recommendations, guide items
// One count per label of the schema (schema/vocabulary.py NODE_TYPES; an entity has its label as a node label
// besides Entity): a label's count is kept by both stores, so this reads no passage, recommendation, mention or
// entity; only the documents (thousands, not millions) are read, to group them by kind. Each label is counted
// alone in a subquery (`RETURN count(n)` and nothing else: kglite answers that from its count, and takes ~100 ms
// per million nodes to count rows that carry anything more), then the counts are made rows. A policy document carries
// the label Policy too (it is a policy the graph can cite): it is counted among the documents, not among the Policy
// entities (the lists page's count of them).
CALL { MATCH (n:Society) RETURN count(n) AS c_Society }
CALL { MATCH (n:Branch) RETURN count(n) AS c_Branch }
CALL { MATCH (n:PartyOrganization) RETURN count(n) AS c_PartyOrganization }
CALL { MATCH (n:TalentProgram) RETURN count(n) AS c_TalentProgram }
CALL { MATCH (n:GovernmentFunction) RETURN count(n) AS c_GovernmentFunction }
CALL { MATCH (n:Agency) RETURN count(n) AS c_Agency }
CALL { MATCH (n:Policy) RETURN count(n) AS c_PolicyAll }
CALL { MATCH (n:Policy:Document) RETURN count(n) AS c_PolicyDocument }
CALL { MATCH (n:Institution) RETURN count(n) AS c_Institution }
CALL { MATCH (n:Passage) RETURN count(n) AS c_Passage }
CALL { MATCH (n:Recommendation) RETURN count(n) AS c_Recommendation }
CALL { MATCH (n:ResearchDirection) RETURN count(n) AS c_ResearchDirection }
CALL { MATCH (n:ResearchContent) RETURN count(n) AS c_ResearchContent }
CALL { MATCH (n:Indicator) RETURN count(n) AS c_Indicator }
CALL { MATCH (n:Review) RETURN count(n) AS c_Review }
CALL { MATCH (n:Merge) RETURN count(n) AS c_Merge }
CALL { MATCH (n:Document) WITH n.kind AS kind, count(*) AS count RETURN collect(['Document', kind, count]) AS documents }
UNWIND documents + [
  ['Society', '', c_Society],
  ['Branch', '', c_Branch],
  ['PartyOrganization', '', c_PartyOrganization],
  ['TalentProgram', '', c_TalentProgram],
  ['GovernmentFunction', '', c_GovernmentFunction],
  ['Agency', '', c_Agency],
  ['Policy', '', c_PolicyAll - c_PolicyDocument],
  ['Institution', '', c_Institution],
  ['Passage', '', c_Passage],
  ['Recommendation', '', c_Recommendation],
  ['ResearchDirection', '', c_ResearchDirection],
  ['ResearchContent', '', c_ResearchContent],
  ['Indicator', '', c_Indicator],
  ['Review', '', c_Review],
  ['Merge', '', c_Merge]] AS counted
WITH counted[0] AS type, counted[1] AS kind, counted[2] AS count WHERE count > 0
RETURN type, kind, count
ORDER BY type, kind
