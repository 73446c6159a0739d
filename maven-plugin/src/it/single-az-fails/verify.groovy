def log = new File(basedir, 'build.log').text
assert log.contains('AZ04')
assert log.contains('src/main/cloudformation/db.yaml')
assert log.contains('RDS DB instance OrdersDb is not Multi-AZ')
assert log =~ /resilint found 1 problem\(s\) at or above warning; see .*resilint\.txt/
assert log.contains('BUILD FAILURE')
