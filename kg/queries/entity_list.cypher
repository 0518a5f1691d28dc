// description: 实体列表 — the entities of one label with aliases, how many other entities each relationship type joins them to (facts a drafter rejected left out), the research directions, first and last year and number of the documents that mention them
// param label: str = "Society" — the entity label (schema/vocabulary.py), e.g. Society, Branch, TalentProgram
// param limit: int = 2000 — the most entities to return
MATCH (e:Entity)
WHERE e.label = $label AND coalesce(e.review, '') <> 'rejected'
OPTIONAL MATCH (e)<-[:MENTIONS]-(:Passage)-[:PART_OF]->(d:Document)
WITH e, count(DISTINCT d) AS documents, min(d.year) AS first_year, max(d.year) AS last_year,
     collect(DISTINCT d.directions) AS direction_lists
OPTIONAL MATCH (e)-[x]-(o:Entity)
WHERE type(x) IN ['BRANCH_OF', 'PARTY_ORG_OF', 'SUPERVISED_BY', 'RUNS', 'UNDERTAKES', 'ISSUED']
  AND coalesce(x.review, '') <> 'rejected'
WITH e, documents, first_year, last_year, direction_lists,
     CASE WHEN x IS NULL THEN null WHEN startNode(x) = e THEN type(x) + '>' ELSE type(x) + '<' END AS rel,
     count(DISTINCT o) AS n
ORDER BY rel
WITH e, documents, first_year, last_year, direction_lists,
     collect(CASE WHEN rel IS NULL THEN null ELSE {rel: rel, n: n} END) AS relations
// a document's research directions are the guide's codes (1–4): listed in order, each once
RETURN e.id AS id, e.name AS name, e.aliases AS aliases, e.generic AS generic, relations,
       [c IN range(1, 9) WHERE any(ds IN direction_lists WHERE c IN ds)] AS directions,
       documents, first_year, last_year
ORDER BY documents DESC, name, id
LIMIT $limit
