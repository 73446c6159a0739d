def log = new File(basedir, 'build.log').text
// a report that cannot be written fails the build with the file and the reason
def blocked = new File(basedir, 'blocked').canonicalPath
assert log.contains("resilint: cannot write ${blocked}/resilint/resilint.txt: ${blocked} is not a directory")
assert log.contains('BUILD FAILURE')
