def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert log.contains('No findings in 1 file')
assert new File(basedir, 'target/resilint/resilint.txt').isFile()
// the plugin never touches sources
assert new File(basedir, 'src/main/cloudformation/db.yaml').text.contains('MultiAZ: true')
