// description: 实体列表 — the entities of one label with aliases, how many other entities each relationship type joins them to (facts a drafter rejected left out), the research directions, first and last year and number of the documents that mention them, and their mentions; named instances before generic kinds (泛称: 全国学会, 科技社团 …, as top_entities orders them), each the most mentioned first, at most `limit` (`total`: how many entities the label has, of those `text` finds when it is given)
// param label: str = "Society" — the entity label (schema/vocabulary.py), e.g. Society, Branch, TalentProgram
// param text: str = "" — only entities whose name, an alias or id contains this (literal, case-insensitive), "" for all
// param limit: int = 200 — the most entities to return (instances, then kinds, the most mentioned first, by the count kept on each entity: kg/aggregates.py); only theirs are read
CALL {
  MATCH (e:Entity)
  WHERE e.label = $label AND coalesce(e.review, '') <> 'rejected'
  AND ($text = '' OR toLower(e.name) CONTAINS toLower($text) OR toLower(e.id) CONTAINS toLower($text)
       OR any(a IN coalesce(e.aliases, []) WHERE toLower(a) CONTAINS toLower($text)))
  RETURN count(e) AS total
}
MATCH (e:Entity)
WHERE e.label = $label AND coalesce(e.review, '') <> 'rejected'
  AND ($text = '' OR toLower(e.name) CONTAINS toLower($text) OR toLower(e.id) CONTAINS toLower($text)
       OR any(a IN coalesce(e.aliases, []) WHERE toLower(a) CONTAINS toLower($text)))
// instances before kinds, the most mentioned first, as scalars (fast to sort), then the facts of those only
WITH total, e.id AS eid, coalesce(e.generic, false) AS kind, coalesce(e.mention_count, 0) AS mentions, e.name AS ename
ORDER BY kind, mentions DESC, ename, eid
LIMIT $limit
MATCH (e:Entity {id: eid})
// the other entities each relationship type joins it to, one way at a time (an undirected match that then asks
// which end it is costs twice as much on a hub)
CALL (e) {
  OPTIONAL MATCH (e)-[x:BRANCH_OF|PARTY_ORG_OF|SUPERVISED_BY|RUNS|UNDERTAKES|ISSUED]->(o:Entity)
  WHERE coalesce(x.review, '') <> 'rejected'
  WITH type(x) AS rel, o.id AS oid
  WITH rel, count(DISTINCT oid) AS n ORDER BY rel
  RETURN collect(CASE WHEN rel IS NULL THEN null ELSE {rel: rel + '>', n: n} END) AS outgoing
}
CALL (e) {
  OPTIONAL MATCH (e)<-[x:BRANCH_OF|PARTY_ORG_OF|SUPERVISED_BY|RUNS|UNDERTAKES|ISSUED]-(o:Entity)
  WHERE coalesce(x.review, '') <> 'rejected'
  WITH type(x) AS rel, o.id AS oid
  WITH rel, count(DISTINCT oid) AS n ORDER BY rel
  RETURN collect(CASE WHEN rel IS NULL THEN null ELSE {rel: rel + '<', n: n} END) AS incoming
}
// its documents, their years and research directions (1–4, in order): counts kept on the entity at every write
// (kg/aggregates.py), so a hub's every mention is not read
RETURN e.id AS id, e.name AS name, e.aliases AS aliases, e.generic AS generic, outgoing + incoming AS relations,
       [x IN [1, 2, 3, 4] WHERE (x = 1 AND e.direction_documents_1 > 0) OR (x = 2 AND e.direction_documents_2 > 0)
                                OR (x = 3 AND e.direction_documents_3 > 0) OR (x = 4 AND e.direction_documents_4 > 0)] AS directions,
       coalesce(e.document_count, 0) AS documents, e.first_year AS first_year, e.last_year AS last_year, mentions, total
ORDER BY coalesce(generic, false), mentions DESC, name, id
