/**
 * Entities to and from the domain: {@link org.tvm.adapter.jpa.mapping.EntityMapper} (sealing and opening sensitive
 * fields) and {@link org.tvm.adapter.jpa.mapping.LogEntityMapper} (the append-only logs, read back only).
 * The classes here are public only so the adapter's other packages can use them; the architecture rules keep
 * every class outside {@code org.tvm.adapter.jpa} from depending on them.
 */
package org.tvm.adapter.jpa.mapping;
