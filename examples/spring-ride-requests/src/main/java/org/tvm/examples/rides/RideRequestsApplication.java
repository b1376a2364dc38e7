package org.tvm.examples.rides;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A small Spring Boot app that records ride requests in its own table and as TVM missions, in one transaction. */
@SpringBootApplication
public class RideRequestsApplication {

    public static void main(String[] args) {
        SpringApplication.run(RideRequestsApplication.class, args);
    }
}
