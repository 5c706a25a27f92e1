SELECT hour(tpep_pickup_datetime) AS pickup_hour,
       count(*) AS trips,
       round(avg(fare_amount), 2) AS avg_fare
FROM samples.nyctaxi.trips
GROUP BY hour(tpep_pickup_datetime)
ORDER BY pickup_hour
