// description: 引用脉络 — which documents cite which policies (CITES); `own` marks a document citing its own title (it is that policy); with the agencies that issued each policy and the other ingested documents that are (or report) that policy
// param direction: int = 0 — only citing documents of this research direction (1–4), 0 for all
// A generic policy name (an entity marked generic, or a bare genre word of at most four characters such as
// 意见, 方案, 通知, 实施方案, 若干措施 — a document's short form of its own subject) names a different policy in every
// document that uses it, so it is left out: it would join unrelated documents.
MATCH (d:Document)-[:CITES]->(p:Entity)
WHERE ($direction = 0 OR $direction IN d.directions) AND NOT coalesce(p.generic, false)
  AND NOT (size(p.name) <= 4 AND (p.name ENDS WITH '意见' OR p.name ENDS WITH '方案' OR p.name ENDS WITH '通知'
       OR p.name ENDS WITH '办法' OR p.name ENDS WITH '措施' OR p.name ENDS WITH '规定' OR p.name ENDS WITH '细则'
       OR p.name ENDS WITH '要点' OR p.name ENDS WITH '章程' OR p.name ENDS WITH '公约' OR p.name ENDS WITH '行动'
       OR p.name ENDS WITH '计划' OR p.name ENDS WITH '规划' OR p.name ENDS WITH '纲要' OR p.name ENDS WITH '决定'
       OR p.name ENDS WITH '条例'))
OPTIONAL MATCH (a:Agency)-[:ISSUED]->(p)
WITH d, p, a ORDER BY a.name
WITH d, p, collect(DISTINCT a.name) AS policy_issuers
OPTIONAL MATCH (pd:Document)
WHERE pd.id <> d.id AND (pd.title = p.name OR pd.title CONTAINS ('《' + p.name + '》'))
WITH d, p, policy_issuers, pd ORDER BY pd.id
RETURN d.id AS doc_id, d.title AS title, d.kind AS kind, d.date AS date, d.directions AS directions,
       p.id AS policy_id, p.name AS policy, (d.title = p.name OR d.title CONTAINS ('《' + p.name + '》')) AS own,
       policy_issuers, collect(pd.id) AS policy_documents
ORDER BY coalesce(date, '9999'), doc_id, policy
