package org.wopihost.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

import org.junit.Test;

/**
 * nuxeo-api-shim declares the Nuxeo API the binding calls; a declaration that lacks an overload of the
 * real type can hide a compile error (an ambiguous call, or a call bound to another overload than on the
 * real platform). For every type the shim declares and every method or constructor it declares, the
 * shim's overloads must be the real Nuxeo 2023 type's public and protected overloads of that name
 * (jakarta.* read as javax.*, the only difference of LTS 2025 in these signatures), static where the
 * real one is, with the same return type; every constant must have the real value.
 * <p>
 * The shim has the same class names as the real jars on this classpath, so it is loaded from its jar
 * alone by a class loader that never delegates org.nuxeo.* to the test's.
 */
public class ShimDeclarationsTest {

    static final Path SHIM = Path.of(System.getProperty("nuxeo-api-shim.jar"));

    @Test
    public void everyDeclaredMemberHasEveryOverloadOfTheRealType() throws Exception {
        List<String> differences = new ArrayList<>();
        try (ShimClassLoader shim = new ShimClassLoader(SHIM, getClass().getClassLoader())) {
            List<String> types = shimTypes();
            assertThat(types).as("types nuxeo-api-shim declares").contains("org.nuxeo.runtime.kv.KeyValueStore");
            for (String type : types) {
                Class<?> declared = shim.loadClass(type);
                Class<?> real = Class.forName(type, false, getClass().getClassLoader());
                assertThat(declared.getClassLoader()).isSameAs(shim);
                compareMembers(declared, real, differences);
                compareConstants(declared, real, differences);
            }
        }
        assertThat(differences).as("declarations that differ from Nuxeo 2023's (shim: ..., real: ...)").isEmpty();
    }

    static void compareMembers(Class<?> declared, Class<?> real, List<String> differences) {
        Set<String> names = Stream.of(declared.getDeclaredMethods()).filter(ShimDeclarationsTest::api)
                                  .map(Method::getName).collect(Collectors.toCollection(TreeSet::new));
        for (String name : names) {
            Set<String> shim = overloads(declared, name);
            Set<String> nuxeo = overloads(real, name);
            if (!shim.equals(nuxeo)) {
                differences.add(real.getName() + "#" + name + ": shim " + shim + ", real " + nuxeo);
            }
        }
        if (!declared.isInterface() && Stream.of(declared.getDeclaredConstructors()).anyMatch(ShimDeclarationsTest::api)) {
            Set<String> shim = signatures(declared.getDeclaredConstructors());
            Set<String> nuxeo = signatures(real.getDeclaredConstructors());
            if (!shim.equals(nuxeo)) {
                differences.add(real.getName() + " constructors: shim " + shim + ", real " + nuxeo);
            }
        }
    }

    static void compareConstants(Class<?> declared, Class<?> real, List<String> differences) throws Exception {
        for (Field field : declared.getDeclaredFields()) {
            int m = field.getModifiers();
            if (!Modifier.isPublic(m) || !Modifier.isStatic(m) || !Modifier.isFinal(m) || field.isEnumConstant()) {
                continue;
            }
            Object shimValue = field.get(null);
            Object realValue;
            try {
                realValue = real.getField(field.getName()).get(null);
            } catch (NoSuchFieldException e) {
                realValue = "<none>";
            }
            if (!String.valueOf(shimValue).equals(String.valueOf(realValue))) {
                differences.add(real.getName() + "." + field.getName() + ": shim " + shimValue + ", real " + realValue);
            }
        }
        if (declared.isEnum()) {
            List<String> shim = Stream.of(declared.getEnumConstants()).map(String::valueOf).toList();
            List<String> nuxeo = Stream.of(real.getEnumConstants()).map(String::valueOf).toList();
            if (!shim.equals(nuxeo)) {
                differences.add(real.getName() + " enum constants: shim " + shim + ", real " + nuxeo);
            }
        }
    }

    /** The public and protected methods of that name the type has, declared or inherited. */
    static Set<String> overloads(Class<?> type, String name) {
        List<Method> methods = new ArrayList<>(Arrays.asList(type.getMethods()));
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            methods.addAll(Arrays.asList(c.getDeclaredMethods()));
        }
        return signatures(methods.stream().filter(m -> m.getName().equals(name)).toArray(Executable[]::new));
    }

    static Set<String> signatures(Executable[] executables) {
        Set<String> signatures = new TreeSet<>();
        for (Executable e : executables) {
            if (api(e)) {
                String params = Stream.of(e.getParameterTypes()).map(Class::getTypeName).collect(Collectors.joining(", "));
                String returns = e instanceof Method m ? " : " + m.getReturnType().getTypeName() : "";
                String modifiers = Modifier.isStatic(e.getModifiers()) ? "static " : "";
                signatures.add((modifiers + "(" + params + ")" + returns).replace("jakarta.", "javax."));
            }
        }
        return signatures;
    }

    /** Public or protected, and written in the source (no bridge or synthetic method). */
    static boolean api(Executable e) {
        int m = e.getModifiers();
        return (Modifier.isPublic(m) || Modifier.isProtected(m)) && !e.isSynthetic()
                && !(e instanceof Method method && method.isBridge());
    }

    static List<String> shimTypes() throws IOException {
        if (Files.isDirectory(SHIM)) {
            try (Stream<Path> files = Files.walk(SHIM)) {
                return types(files.map(f -> SHIM.relativize(f).toString().replace('\\', '/')));
            }
        }
        try (ZipFile jar = new ZipFile(SHIM.toFile())) {
            return types(jar.stream().map(e -> e.getName()));
        }
    }

    static List<String> types(Stream<String> entries) {
        return entries.filter(n -> n.startsWith("org/nuxeo/") && n.endsWith(".class"))
                      .map(n -> n.substring(0, n.length() - ".class".length()).replace('/', '.')).sorted().toList();
    }

    /** Loads org.nuxeo.* from the shim alone; everything else (JDK, Jackson, servlet API) from the parent. */
    static final class ShimClassLoader extends URLClassLoader {

        ShimClassLoader(Path shim, ClassLoader parent) throws IOException {
            super(new URL[] { shim.toUri().toURL() }, parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith("org.nuxeo.")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                return c != null ? c : findClass(name);
            }
        }
    }
}
