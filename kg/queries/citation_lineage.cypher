// description: 引用脉络 — which documents cite which policies (CITES), for the `limit` most recent citing documents (`citing_documents`: how many there are in all); `own` marks a document citing its own title (it is that policy); with the agencies that issued each policy and the other ingested documents that are (or report) that policy
// param direction: int = 0 — only citing documents of this research direction (1–4), 0 for all
// param from_year: int = 0 — only citing documents of this year or later (and dated), 0 for all years
// param to_year: int = 9999 — only citing documents of this year or earlier
// param limit: int = 100 — the most citing documents (the most recent by date; undated last) whose citations are returned
// A generic policy name (an entity marked generic, or a bare genre word of at most four characters such as
// 意见, 方案, 通知, 实施方案, 若干措施 — a document's short form of its own subject) names a different policy in every
// document that uses it, so it is left out: it would join unrelated documents.
// the citing documents that pass the filters: how many, and the $limit most recent (as scalars: fast to sort)
CALL {
  MATCH (d:Document)-[:CITES]->(p:Entity)
  WHERE ($direction = 0 OR $direction IN d.directions) AND NOT coalesce(p.generic, false)
    AND ($from_year = 0 OR (NOT d:Guide AND d.year IS NOT NULL AND d.year >= $from_year AND d.year <= $to_year))
  AND NOT (size(p.name) <= 4 AND (p.name ENDS WITH '意见' OR p.name ENDS WITH '方案' OR p.name ENDS WITH '通知'
         OR p.name ENDS WITH '办法' OR p.name ENDS WITH '措施' OR p.name ENDS WITH '规定' OR p.name ENDS WITH '细则'
         OR p.name ENDS WITH '要点' OR p.name ENDS WITH '章程' OR p.name ENDS WITH '公约' OR p.name ENDS WITH '行动'
         OR p.name ENDS WITH '计划' OR p.name ENDS WITH '规划' OR p.name ENDS WITH '纲要' OR p.name ENDS WITH '决定'
         OR p.name ENDS WITH '条例'))
  RETURN count(DISTINCT d.id) AS citing_documents
}
MATCH (d:Document)-[:CITES]->(p:Entity)
WHERE ($direction = 0 OR $direction IN d.directions) AND NOT coalesce(p.generic, false)
  AND ($from_year = 0 OR (NOT d:Guide AND d.year IS NOT NULL AND d.year >= $from_year AND d.year <= $to_year))
  AND NOT (size(p.name) <= 4 AND (p.name ENDS WITH '意见' OR p.name ENDS WITH '方案' OR p.name ENDS WITH '通知'
       OR p.name ENDS WITH '办法' OR p.name ENDS WITH '措施' OR p.name ENDS WITH '规定' OR p.name ENDS WITH '细则'
       OR p.name ENDS WITH '要点' OR p.name ENDS WITH '章程' OR p.name ENDS WITH '公约' OR p.name ENDS WITH '行动'
       OR p.name ENDS WITH '计划' OR p.name ENDS WITH '规划' OR p.name ENDS WITH '纲要' OR p.name ENDS WITH '决定'
       OR p.name ENDS WITH '条例'))
WITH DISTINCT citing_documents, d.id AS did, d.date AS ddate
ORDER BY coalesce(ddate, '') DESC, did
LIMIT $limit
MATCH (d:Document {id: did})-[:CITES]->(p:Entity)
WHERE NOT coalesce(p.generic, false)
  AND NOT (size(p.name) <= 4 AND (p.name ENDS WITH '意见' OR p.name ENDS WITH '方案' OR p.name ENDS WITH '通知'
       OR p.name ENDS WITH '办法' OR p.name ENDS WITH '措施' OR p.name ENDS WITH '规定' OR p.name ENDS WITH '细则'
       OR p.name ENDS WITH '要点' OR p.name ENDS WITH '章程' OR p.name ENDS WITH '公约' OR p.name ENDS WITH '行动'
       OR p.name ENDS WITH '计划' OR p.name ENDS WITH '规划' OR p.name ENDS WITH '纲要' OR p.name ENDS WITH '决定'
       OR p.name ENDS WITH '条例'))
// each cited policy once (not once per citing document), with its issuers
WITH citing_documents, p, collect(DISTINCT d) AS citing
OPTIONAL MATCH (a:Agency)-[:ISSUED]->(p)
WITH citing_documents, p, citing, a ORDER BY a.name
WITH citing_documents, p, citing, collect(DISTINCT a.name) AS policy_issuers
WITH citing_documents, collect([p, citing, policy_issuers]) AS cited, collect(DISTINCT p.name) AS names
// the documents that are (or report) a cited policy: one pass over the documents, each offering its title
// and every name in 《》 in it (what `title = name OR title CONTAINS '《' + name + '》'` matches)
CALL (names) {
  MATCH (pd:Document)
  WITH names, pd, split(coalesce(pd.title, ''), '《') AS parts
  UNWIND range(0, size(parts) - 1) AS i
  WITH names, pd, i, parts, CASE WHEN i = 0 THEN pd.title ELSE split(parts[i], '》')[0] END AS name
  WHERE name IN names AND (i = 0 OR parts[i] CONTAINS '》')
  WITH name, pd ORDER BY pd.id
  WITH name, collect(DISTINCT pd.id) AS ids
  RETURN collect([name, ids]) AS by_name
}
UNWIND cited AS c
WITH citing_documents, c[0] AS p, c[1] AS citing, c[2] AS policy_issuers, [x IN by_name WHERE x[0] = c[0].name] AS hit
WITH citing_documents, p, citing, policy_issuers, CASE WHEN size(hit) = 0 THEN [] ELSE hit[0][1] END AS documents
UNWIND citing AS d
RETURN d.id AS doc_id, d.title AS title, d.kind AS kind, d.date AS date, d.directions AS directions,
       p.id AS policy_id, p.name AS policy, (d.title = p.name OR d.title CONTAINS ('《' + p.name + '》')) AS own,
       policy_issuers, [x IN documents WHERE x <> d.id] AS policy_documents, citing_documents
ORDER BY coalesce(date, '9999'), doc_id, policy
