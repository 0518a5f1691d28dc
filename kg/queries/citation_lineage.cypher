// description: 引用脉络 — which documents cite which policies (CITES); `own` marks a document citing its own title (it is that policy); with the agencies that issued each policy and the other ingested documents that are (or report) that policy
// param direction: int = 0 — only citing documents of this research direction (1–4), 0 for all
MATCH (d:Document)-[:CITES]->(p:Entity)
WHERE $direction = 0 OR $direction IN d.directions
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
