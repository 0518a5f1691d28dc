// description: 文档引用 — one row: the policies a document cites (CITES; with the other ingested documents that are that policy) and the documents that cite it (they cite a policy whose name is the document's title or is quoted in it as 《…》; generic names left out)
// param doc_id: str — the Document id
// param limit: int = 200 — the most citations to return each way
// The documents that are a cited policy are kept on the policy (`documents`: those whose title is its name or
// quotes it in 《》, kg/aggregates.py); the policies this document is are found by the names its title gives it,
// through the index on Entity.name. Neither compares every document's title with a name.
MATCH (d:Document {id: $doc_id})
OPTIONAL MATCH (d)-[:CITES]->(p:Entity)
WITH DISTINCT d, p
ORDER BY p.name, p.id
WITH d, collect(CASE WHEN p IS NULL THEN NULL ELSE {policy_id: p.id, policy: p.name,
                     own: (d.title = p.name OR d.title CONTAINS ('《' + p.name + '》')),
                     documents: [x IN coalesce(p.documents, []) WHERE x <> d.id]} END) AS cites
CALL (d) {
  WITH d, [coalesce(d.title, '')] + [x IN split(coalesce(d.title, ''), '《')[1..] WHERE x CONTAINS '》' | split(x, '》')[0]] AS names
  UNWIND names AS name
  WITH DISTINCT d, name
  MATCH (q:Entity {name: name})
  WHERE NOT coalesce(q.generic, false) AND size(q.name) > 4
  MATCH (q)<-[:CITES]-(o:Document)
  WHERE o.id <> d.id
  WITH DISTINCT o.id AS oid, o.title AS title, o.date AS date, o.kind AS kind
  ORDER BY coalesce(date, '9999'), oid
  RETURN collect({doc_id: oid, title: title, date: date, kind: kind}) AS cited_by
}
RETURN d.id AS doc_id, cites[0..$limit] AS cites, cited_by[0..$limit] AS cited_by
