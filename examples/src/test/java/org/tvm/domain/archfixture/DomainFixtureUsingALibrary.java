package org.tvm.domain.archfixture;

/** Broken on purpose: a "domain" class that uses a library (picocli). Test sources only. */
public class DomainFixtureUsingALibrary {
    public Object commandLine() {
        return new picocli.CommandLine(new Object());
    }
}
