import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseThrowable } from '../../../src/core/explain/parseThrowable';

describe('parseThrowable', () => {
  it('reads a JDK 17 stack trace with a Caused by chain', () => {
    const trace = [
      'Exception in thread "main" java.lang.NoClassDefFoundError: org/apache/hadoop/util/CleanerUtil',
      '\tat org.apache.hadoop.fs.cosn.ByteBufferWrapper.close(ByteBufferWrapper.java:92)',
      '\tat org.apache.hadoop.fs.cosn.BufferPool.returnBuffer(BufferPool.java:140)',
      'Caused by: java.lang.ClassNotFoundException: org.apache.hadoop.util.CleanerUtil',
      '\tat java.base/jdk.internal.loader.BuiltinClassLoader.loadClass(BuiltinClassLoader.java:641)',
      '\t... 12 more',
    ].join('\n');
    const failures = parseThrowable(trace);
    assert.deepEqual(failures.map((failure) => [failure.kind, failure.classes]), [
      ['NoClassDefFoundError', ['org/apache/hadoop/util/CleanerUtil']],
      ['ClassNotFoundException', ['org/apache/hadoop/util/CleanerUtil']],
    ]);
  });

  it('reads "Could not initialize class"', () => {
    const [failure] = parseThrowable('java.lang.NoClassDefFoundError: Could not initialize class org.a.Config$Holder');
    assert.equal(failure?.initializationFailed, true);
    assert.deepEqual(failure?.classes, ['org/a/Config$Holder']);
  });

  it('reads NoSuchMethodError in the JDK 11+ and the JDK 8 forms', () => {
    const [modern] = parseThrowable("java.lang.NoSuchMethodError: 'void com.google.common.base.Preconditions.checkArgument(boolean, java.lang.String, java.lang.Object[])'");
    assert.deepEqual(modern?.classes, ['com/google/common/base/Preconditions']);
    assert.deepEqual(modern?.member, { kind: 'method', name: 'checkArgument', descriptor: '(ZLjava/lang/String;[Ljava/lang/Object;)V' });
    const [old] = parseThrowable('java.lang.NoSuchMethodError: com.google.common.base.Preconditions.checkArgument(ZLjava/lang/String;Ljava/lang/Object;)V');
    assert.deepEqual(old?.classes, ['com/google/common/base/Preconditions']);
    assert.deepEqual(old?.member, { kind: 'method', name: 'checkArgument', descriptor: '(ZLjava/lang/String;Ljava/lang/Object;)V' });
    const [ctor] = parseThrowable("java.lang.NoSuchMethodError: 'void org.a.B.<init>(int)'");
    assert.deepEqual(ctor?.member, { kind: 'method', name: '<init>', descriptor: '(I)V' });
  });

  it('reads NoSuchFieldError, taking the owner from the first frame when the message has only the name', () => {
    const [old] = parseThrowable('java.lang.NoSuchFieldError: INSTANCE\n\tat org.apache.http.conn.ssl.SSLConnectionSocketFactory.<clinit>(SSLConnectionSocketFactory.java:146)');
    assert.deepEqual(old?.classes, ['org/apache/http/conn/ssl/SSLConnectionSocketFactory']);
    assert.deepEqual(old?.member, { kind: 'field', name: 'INSTANCE', descriptor: undefined });
    const [modern] = parseThrowable("java.lang.NoSuchFieldError: Class org.a.B does not have member field 'int COUNT'");
    assert.deepEqual(modern?.classes, ['org/a/B']);
    assert.deepEqual(modern?.member, { kind: 'field', name: 'COUNT', descriptor: 'I' });
  });

  it('reads AbstractMethodError and IncompatibleClassChangeError', () => {
    const [abstract] = parseThrowable(
      "java.lang.AbstractMethodError: Receiver class org.impl.Handler does not define or inherit an implementation of the resolved method 'abstract void handle(java.lang.String)' of interface org.api.Callback.",
    );
    assert.deepEqual(abstract?.classes, ['org/impl/Handler']);
    assert.deepEqual(abstract?.member, { kind: 'method', name: 'handle', descriptor: '(Ljava/lang/String;)V' });
    const [oldAbstract] = parseThrowable('java.lang.AbstractMethodError: org.impl.Handler.handle(Ljava/lang/String;)V');
    assert.deepEqual(oldAbstract?.classes, ['org/impl/Handler']);
    const [change] = parseThrowable('java.lang.IncompatibleClassChangeError: Found interface org.objectweb.asm.ClassVisitor, but class was expected');
    assert.deepEqual(change?.classes, ['org/objectweb/asm/ClassVisitor']);
  });

  it('reads both ClassCastException forms with the loaders', () => {
    const [modern] = parseThrowable(
      'java.lang.ClassCastException: class org.a.Event cannot be cast to class org.a.Event (org.a.Event is in unnamed module of loader org.apache.flink.util.ChildFirstClassLoader @5e9f23b4; org.a.Event is in unnamed module of loader \'app\')',
    );
    assert.deepEqual(modern?.classes, ['org/a/Event', 'org/a/Event']);
    assert.deepEqual(modern?.loaders, ['org.apache.flink.util.ChildFirstClassLoader', 'app']);
    const [old] = parseThrowable('java.lang.ClassCastException: org.a.Event cannot be cast to org.a.Event');
    assert.deepEqual(old?.classes, ['org/a/Event', 'org/a/Event']);
  });

  it('reads a loader constraint violation', () => {
    const [failure] = parseThrowable(
      'java.lang.LinkageError: loader constraint violation: when resolving method \'org.slf4j.ILoggerFactory org.slf4j.impl.StaticLoggerBinder.getLoggerFactory()\' the class loader org.apache.spark.util.ChildFirstURLClassLoader @6a2f6f80 of the current class, org/slf4j/LoggerFactory, and the class loader \'app\' for the method\'s defining class, org/slf4j/impl/StaticLoggerBinder, have different Class objects for the type org/slf4j/ILoggerFactory used in the signature',
    );
    assert.equal(failure?.kind, 'LinkageError');
    assert.deepEqual(failure?.classes, ['org/slf4j/ILoggerFactory']);
    assert.ok(failure?.loaders.includes('org.apache.spark.util.ChildFirstURLClassLoader'));
  });

  it('accepts a bare class name, dotted or slashed, and nothing else', () => {
    assert.deepEqual(parseThrowable('org.apache.hadoop.util.CleanerUtil')[0]?.classes, ['org/apache/hadoop/util/CleanerUtil']);
    assert.deepEqual(parseThrowable(' org/apache/hadoop/util/CleanerUtil \n')[0]?.classes, ['org/apache/hadoop/util/CleanerUtil']);
    assert.deepEqual(parseThrowable('hello world'), []);
  });
});
