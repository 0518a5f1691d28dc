// description: the four research directions of the guide with their 研究内容 and 考核指标
MATCH (d:ResearchDirection)
OPTIONAL MATCH (d)-[:HAS_INDICATOR]->(i:Indicator)
WITH d, i ORDER BY i.code
WITH d, collect({code: i.code, name: i.name}) AS indicators
OPTIONAL MATCH (d)-[:HAS_CONTENT]->(c:ResearchContent)
WITH d, indicators, c ORDER BY c.code
RETURN d.id AS id, d.code AS code, d.name AS name, indicators, collect(c.name) AS contents
ORDER BY code
