def log = new File(basedir, 'build.log').text
assert log =~ /resilint: new since base \([0-9a-f]{12}\): 1 finding\(s\) there in 1 file\(s\) read with git/
assert log.contains('RDS DB instance PaymentsDb is not Multi-AZ')
assert !log.contains('RDS DB instance OrdersDb is not Multi-AZ'): 'OrdersDb was there at base, under the old file name'
assert log.contains('1 baselined')
assert log =~ /resilint found 1 problem\(s\) at or above warning/
assert log.contains('BUILD FAILURE')
