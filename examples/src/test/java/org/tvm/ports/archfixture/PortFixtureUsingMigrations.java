package org.tvm.ports.archfixture;

/** Broken on purpose: a "port" that reaches into the migrations module. Test sources only. */
public class PortFixtureUsingMigrations {
    public Class<?> migrations() {
        return org.tvm.migrations.TvmMigrations.class;
    }
}
