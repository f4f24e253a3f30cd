package org.nuxeo.ecm.core.io.registry.reflect;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Declared from nuxeo-core-io: modules/core/nuxeo-core-io/src/main/java/org/nuxeo/ecm/core/io/registry/reflect/Setup.java */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Setup {

    Instantiations mode();

    int priority() default Priorities.DEFAULT;
}
