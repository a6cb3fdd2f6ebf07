/** A field or method a class declares (JVM spec §4.5, §4.6). */
export interface DeclaredMember {
  readonly name: string;
  readonly descriptor: string;
  readonly accessFlags: number;
}

/** What a Fieldref, Methodref or InterfaceMethodref names (JVM spec §4.4.2). */
export interface MemberReference {
  readonly kind: 'field' | 'method' | 'interfaceMethod';
  /** Binary name with '/', e.g. `org/a/Outer$Inner`. */
  readonly owner: string;
  readonly name: string;
  readonly descriptor: string;
}

/** The linkage-relevant content of one class file. All class names are binary names with '/'. */
export interface ClassInfo {
  readonly majorVersion: number;
  readonly minorVersion: number;
  readonly accessFlags: number;
  readonly thisClass: string;
  /** Absent only for java/lang/Object and module-info (JVM spec §4.1 super_class). */
  readonly superClass: string | undefined;
  readonly interfaces: readonly string[];
  readonly fields: readonly DeclaredMember[];
  readonly methods: readonly DeclaredMember[];
  /**
   * Every other class this class needs to link: CONSTANT_Class entries (array classes unwrapped to
   * their element class), and the classes inside the descriptors of NameAndType, MethodType and the
   * declared fields and methods. Without this class itself; in constant pool order.
   */
  readonly referencedClasses: readonly string[];
  /** Field and method references, except those on array classes (which only inherit Object's). */
  readonly memberReferences: readonly MemberReference[];
}

/** Access flags of ClassFile, field_info and method_info (JVM spec Tables 4.1-B, 4.5-A, 4.6-A). */
export const AccessFlag = {
  public: 0x0001,
  private: 0x0002,
  protected: 0x0004,
  static: 0x0008,
  final: 0x0010,
  interface: 0x0200,
  abstract: 0x0400,
  synthetic: 0x1000,
  annotation: 0x2000,
  enum: 0x4000,
  module: 0x8000,
} as const;
