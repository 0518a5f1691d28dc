// description: 覆盖矩阵 — for each research direction × 考核指标, the number of recommendations and evidence passages (0 = a gap)
MATCH (d:ResearchDirection)-[:HAS_INDICATOR]->(i:Indicator)
OPTIONAL MATCH (r:Recommendation)-[:ADDRESSES]->(i)
OPTIONAL MATCH (r)-[:SUPPORTED_BY]->(p:Passage)
RETURN d.code AS direction, d.name AS direction_name, i.code AS indicator, i.name AS indicator_name,
       count(DISTINCT r) AS recommendations, count(DISTINCT p) AS evidence
ORDER BY direction, indicator
