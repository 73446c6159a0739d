def log = new File(basedir, 'build.log').text
assert log.contains('1 baselined')
assert !log.contains('RDS DB instance OrdersDb is not Multi-AZ')
assert log.contains('BUILD SUCCESS')
