/**
 * Micrometer metrics for any {@link org.tvm.ports.TvmPersistence}: see {@link org.tvm.micrometer.MicrometerTvmMetrics}.
 */
package org.tvm.micrometer;
