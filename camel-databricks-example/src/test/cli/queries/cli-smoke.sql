SELECT 'from-file' AS source, count(*) AS trips FROM samples.nyctaxi.trips
