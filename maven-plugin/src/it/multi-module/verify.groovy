def log = new File(basedir, 'build.log').text
// each module is judged on its own, with paths relative to the module
def a = new File(basedir, 'module-a/target/resilint/resilint.txt').text
def b = new File(basedir, 'module-b/target/resilint/resilint.txt').text
assert a.contains('src/main/cloudformation/db.yaml') && a.contains('AZ04')
assert b.contains('No findings in 1 file')
assert log.contains('resilint found 1 problem(s)')
assert log =~ /module-a .*FAILURE/
assert log =~ /module-b .*SUCCESS/
