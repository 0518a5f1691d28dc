// description: 覆盖矩阵 — for each research direction × 考核指标: recommendations whose link rests on matched terms (coverage), weak links (弱/未匹配, not coverage), evidence passages of the covering ones, and whether the indicator is a deliverable of the research itself (the report, support for drafting)
MATCH (d:ResearchDirection)-[:HAS_INDICATOR]->(i:Indicator)
OPTIONAL MATCH (r:Recommendation)-[a:ADDRESSES]->(i)
WHERE coalesce(r.review, '') <> 'rejected' AND coalesce(a.review, '') <> 'rejected'
OPTIONAL MATCH (r)-[:SUPPORTED_BY]->(p:Passage) WHERE a.matched
RETURN d.code AS direction, d.name AS direction_name, i.code AS indicator, i.name AS indicator_name,
       i.deliverable AS deliverable,
       count(DISTINCT CASE WHEN a.matched THEN r.id END) AS recommendations,
       count(DISTINCT CASE WHEN NOT coalesce(a.matched, false) THEN r.id END) AS weak,
       count(DISTINCT p) AS evidence
ORDER BY direction, indicator
