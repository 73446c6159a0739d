def log = new File(basedir, 'build.log').text
// the template side (the SAM function's Timeout line) joined with the code side (the handler's class)
assert log.contains('TO03')
assert log.contains('src/main/cloudformation/functions.yaml')
assert log =~ /10:7\s+warning\s+TO03/
assert log.contains('com.example.orders.SlowOrders')
assert log.contains('up to 30 s (apiCallTimeout 30 s')
assert log =~ /resilint found 1 problem\(s\) at or above warning/
assert log.contains('BUILD FAILURE')
