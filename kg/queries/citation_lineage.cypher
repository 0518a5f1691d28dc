// description: 引用脉络 — which documents cite which policies (CITES), for the `limit` most recent citing documents (`citing_documents`: how many there are in all); `own` marks a document citing its own title (it is that policy); with the agencies that issued each policy and the other ingested documents that are (or report) that policy, with their titles and years
// param direction: int = 0 — only citing documents of this research direction (1–4), 0 for all
// param from_year: int = 0 — only citing documents of this year or later (and dated), 0 for all years
// param to_year: int = 9999 — only citing documents of this year or earlier
// param limit: int = 100 — the most citing documents (the most recent by date; undated last) whose citations are returned
// A generic policy name (an entity marked generic, or a bare genre word of at most four characters such as
// 意见, 方案, 通知, 实施方案, 若干措施 — a document's short form of its own subject) names a different policy in every
// document that uses it, so it is left out: it would join unrelated documents (kg/aggregates.py: CITABLE).
// A citing document is one that cites such a policy: each document keeps how many it cites (`cites`, counted
// when it is written, kg/aggregates.py), so the documents are read, not every citation of the graph.
CALL {
  MATCH (d:Document)
  WHERE d.cites > 0 AND ($direction = 0 OR $direction IN d.directions)
    AND ($from_year = 0 OR (NOT d:Guide AND d.year IS NOT NULL AND d.year >= $from_year AND d.year <= $to_year))
  RETURN count(d) AS citing_documents
}
MATCH (d:Document)
WHERE d.cites > 0 AND ($direction = 0 OR $direction IN d.directions)
  AND ($from_year = 0 OR (NOT d:Guide AND d.year IS NOT NULL AND d.year >= $from_year AND d.year <= $to_year))
WITH citing_documents, d.id AS did, d.date AS ddate
ORDER BY coalesce(ddate, '') DESC, did
LIMIT $limit
MATCH (d:Document {id: did})-[:CITES]->(p:Entity)
WHERE NOT coalesce(p.generic, false)
  AND NOT (size(p.name) <= 4 AND (p.name ENDS WITH '意见' OR p.name ENDS WITH '方案' OR p.name ENDS WITH '通知'
       OR p.name ENDS WITH '办法' OR p.name ENDS WITH '措施' OR p.name ENDS WITH '规定' OR p.name ENDS WITH '细则'
       OR p.name ENDS WITH '要点' OR p.name ENDS WITH '章程' OR p.name ENDS WITH '公约' OR p.name ENDS WITH '行动'
       OR p.name ENDS WITH '计划' OR p.name ENDS WITH '规划' OR p.name ENDS WITH '纲要' OR p.name ENDS WITH '决定'
       OR p.name ENDS WITH '条例'))
// each cited policy once (not once per citing document), with its issuers and the documents that are (or report)
// it: kept on the policy (`documents`, kg/aggregates.py), so no document's title is compared with its name here;
// every row as scalars (rows that hold nodes or lists are slow to group on kglite)
WITH citing_documents, p.id AS policy_id, p.name AS policy, coalesce(p.documents, []) AS kept,
     collect(DISTINCT [d.id, d.title, d.kind, d.date, d.directions, d.year]) AS citing
CALL (policy_id) {
  MATCH (p:Entity {id: policy_id})
  OPTIONAL MATCH (p)<-[:ISSUED]-(a:Agency)
  WITH DISTINCT a.name AS name ORDER BY name
  RETURN collect(name) AS policy_issuers
}
CALL (kept) {
  UNWIND kept AS pid
  MATCH (pd:Document {id: pid})
  RETURN collect([pd.id, pd.title, pd.year]) AS documents
}
UNWIND citing AS c
WITH citing_documents, policy_id, policy, policy_issuers, c, [x IN documents WHERE x[0] <> c[0]] AS others
RETURN c[0] AS doc_id, c[1] AS title, c[2] AS kind, c[3] AS date, c[4] AS directions,
       policy_id, policy, (c[1] = policy OR c[1] CONTAINS ('《' + policy + '》')) AS own,
       policy_issuers, [x IN others WHERE true | x[0]] AS policy_documents, citing_documents,
       c[5] AS year, [x IN others WHERE true | x[1]] AS policy_document_titles,
       [x IN others WHERE true | x[2]] AS policy_document_years
ORDER BY coalesce(date, '9999'), doc_id, policy
