def log = new File(basedir, 'build.log').text
assert log.contains('1 suppressed')
assert log.contains('BUILD SUCCESS')
