// description: 文档引用 — one row: the policies a document cites (CITES; with the other ingested documents that are that policy) and the documents that cite it (they cite a policy whose name is the document's title or is quoted in it as 《…》; generic names and bare genre words such as 《意见》 left out, as the lineage does)
// param doc_id: str — the Document id
// param limit: int = 200 — the most citations to return each way
// The documents that are a cited policy are kept on the policy (`documents`: those whose title is its name or
// quotes it in 《》, kg/aggregates.py); the policies this document is are found by the names its title gives it,
// through the index on Entity.name. Neither compares every document's title with a name. Which names count is
// kg/aggregates.py's CITABLE and the names a title gives, TITLE_NAMES, written out (a test keeps them equal).
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
  MATCH (p:Entity {name: name})
  WHERE NOT coalesce(p.generic, false) AND NOT (size(p.name) <= 4 AND (p.name ENDS WITH '意见' OR p.name ENDS WITH '方案' OR p.name ENDS WITH '通知' OR p.name ENDS WITH '办法' OR p.name ENDS WITH '措施' OR p.name ENDS WITH '规定' OR p.name ENDS WITH '细则' OR p.name ENDS WITH '要点' OR p.name ENDS WITH '章程' OR p.name ENDS WITH '公约' OR p.name ENDS WITH '行动' OR p.name ENDS WITH '计划' OR p.name ENDS WITH '规划' OR p.name ENDS WITH '纲要' OR p.name ENDS WITH '决定' OR p.name ENDS WITH '条例'))
  MATCH (p)<-[:CITES]-(o:Document)
  WHERE o.id <> d.id
  WITH DISTINCT o.id AS oid, o.title AS title, o.date AS date, o.kind AS kind
  ORDER BY coalesce(date, '9999'), oid
  RETURN collect({doc_id: oid, title: title, date: date, kind: kind}) AS cited_by
}
RETURN d.id AS doc_id, cites[0..$limit] AS cites, cited_by[0..$limit] AS cited_by
