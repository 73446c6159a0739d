def log = new File(basedir, 'build.log').text
assert log.contains('CT03')
// the finding names the source file and line, resolved against the module's source roots
assert log.contains('src/main/java/com/example/orders/OrderLookup.java')
assert log =~ /resilint found 1 problem\(s\) at or above warning/
assert log.contains('BUILD FAILURE')
