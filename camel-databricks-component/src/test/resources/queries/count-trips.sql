-- the number of sample trips
SELECT count(*) AS trips FROM samples.nyctaxi.trips
