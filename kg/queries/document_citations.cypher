// description: 文档引用 — one row: the policies a document cites (CITES; with the other ingested documents that are that policy) and the documents that cite it (they cite a policy whose name is the document's title or is quoted in it as 《…》; generic names left out)
// param doc_id: str — the Document id
// param limit: int = 200 — the most citations to return each way
MATCH (d:Document {id: $doc_id})
OPTIONAL MATCH (d)-[:CITES]->(p:Entity)
OPTIONAL MATCH (pd:Document)
WHERE p IS NOT NULL AND pd.id <> d.id AND (pd.title = p.name OR pd.title CONTAINS ('《' + p.name + '》'))
WITH d, p, pd ORDER BY pd.id
WITH d, p, collect(DISTINCT pd.id) AS policy_documents
ORDER BY p.name, p.id
WITH d, collect(CASE WHEN p IS NULL THEN NULL ELSE {policy_id: p.id, policy: p.name, own: (d.title = p.name OR d.title CONTAINS ('《' + p.name + '》')), documents: policy_documents} END) AS cites
OPTIONAL MATCH (o:Document)-[:CITES]->(q:Entity)
WHERE o.id <> d.id AND NOT coalesce(q.generic, false) AND size(q.name) > 4
  AND (d.title = q.name OR d.title CONTAINS ('《' + q.name + '》'))
WITH d, cites, o ORDER BY coalesce(o.date, '9999'), o.id
WITH d, cites, collect(DISTINCT CASE WHEN o IS NULL THEN NULL ELSE {doc_id: o.id, title: o.title, date: o.date, kind: o.kind} END) AS cited_by
RETURN d.id AS doc_id, cites[0..$limit] AS cites, cited_by[0..$limit] AS cited_by
