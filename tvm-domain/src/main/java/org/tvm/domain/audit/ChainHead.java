package org.tvm.domain.audit;

/** The stored end of a chain: the last seq handed out and its row hash (kept by the chain trigger). */
public record ChainHead(long lastSeq, String lastHash) {
}
