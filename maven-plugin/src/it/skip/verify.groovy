def log = new File(basedir, 'build.log').text
assert log.contains('resilint: skipped')
assert !log.contains('AZ04')
assert log.contains('BUILD SUCCESS')
