package org.wopihost.packaging;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the compile-time {@code public static final String} constants of a class file (the fields
 * carrying a {@code ConstantValue} attribute) without loading the class: binding classes refer to
 * Nuxeo types that are not on this classpath.
 */
final class ClassConstants {

    private static final int ACC_PUBLIC = 0x0001;
    private static final int ACC_STATIC = 0x0008;
    private static final int ACC_FINAL = 0x0010;

    private ClassConstants() {
    }

    /** The values of the class's public static final String constants. */
    static List<String> publicStringConstants(byte[] classFile) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile));
        if (in.readInt() != 0xCAFEBABE) {
            throw new IOException("not a class file");
        }
        in.readUnsignedShort(); // minor
        in.readUnsignedShort(); // major
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        int[] stringIndex = new int[count];
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[i] = in.readUTF();
                case 8 -> stringIndex[i] = in.readUnsignedShort();
                case 7, 16, 19, 20 -> in.skipNBytes(2);
                case 15 -> in.skipNBytes(3);
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipNBytes(4);
                case 5, 6 -> {
                    in.skipNBytes(8);
                    i++; // eight-byte constants take two slots
                }
                default -> throw new IOException("unknown constant pool tag " + tag);
            }
        }
        in.readUnsignedShort(); // access flags
        in.readUnsignedShort(); // this class
        in.readUnsignedShort(); // super class
        in.skipNBytes(2L * in.readUnsignedShort()); // interfaces
        List<String> constants = new ArrayList<>();
        int fields = in.readUnsignedShort();
        for (int f = 0; f < fields; f++) {
            int access = in.readUnsignedShort();
            in.readUnsignedShort(); // name
            String descriptor = utf8[in.readUnsignedShort()];
            int attributes = in.readUnsignedShort();
            for (int a = 0; a < attributes; a++) {
                String name = utf8[in.readUnsignedShort()];
                int length = in.readInt();
                boolean wanted = (access & (ACC_PUBLIC | ACC_STATIC | ACC_FINAL)) == (ACC_PUBLIC | ACC_STATIC | ACC_FINAL)
                        && "Ljava/lang/String;".equals(descriptor) && "ConstantValue".equals(name);
                if (wanted) {
                    constants.add(utf8[stringIndex[in.readUnsignedShort()]]);
                } else {
                    in.skipNBytes(length);
                }
            }
        }
        return constants;
    }
}
