package io.github.cameldatabricks.testkit.auth;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.github.cameldatabricks.testkit.sql.TableName;

/** A simple per-principal deny list: denied tables fail with {@code INSUFFICIENT_PERMISSIONS} (SQLSTATE 42501). */
public final class Permissions {

    private final Map<String, Set<TableName>> denied = new ConcurrentHashMap<>();

    /** Denies the principal any access to {@code catalog.schema.table}. */
    public void deny(String principal, String qualifiedTable) {
        denied.computeIfAbsent(principal, p -> ConcurrentHashMap.newKeySet()).add(TableName.parse(qualifiedTable));
    }

    /** Lifts every denial. */
    public void clear() {
        denied.clear();
    }

    public boolean isDenied(String principal, TableName table) {
        Set<TableName> tables = denied.get(principal);
        return tables != null && tables.contains(table);
    }
}
