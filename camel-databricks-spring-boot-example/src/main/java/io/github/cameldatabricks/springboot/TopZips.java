package io.github.cameldatabricks.springboot;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.stereotype.Component;

/** The latest result of the top-zips route: one map per row, column name to value. */
@Component
public class TopZips {

    private final AtomicReference<List<Map<String, Object>>> latest = new AtomicReference<>();

    public void update(List<Map<String, Object>> rows) {
        latest.set(List.copyOf(rows));
    }

    /** The rows of the last run, or {@code null} before the first one. */
    public List<Map<String, Object>> latest() {
        return latest.get();
    }
}
