// history for newSince: db.yaml with OrdersDb is tagged `base`; then the file is renamed and a second
// single-AZ database is added, so only PaymentsDb is new
def git(String... args) {
    def command = ['git', '-c', 'user.name=it', '-c', 'user.email=it@example.com', '-c', 'init.defaultBranch=main',
                   '-c', 'commit.gpgsign=false'] + args.toList()
    def p = command.execute(null, basedir)
    def out = new StringBuilder()
    p.waitForProcessOutput(out, out)
    assert p.exitValue() == 0: "git ${args.join(' ')}: ${out}"
}
git('init', '-q')
git('add', '-A')
git('commit', '-q', '-m', 'base')
git('tag', 'base')
git('mv', 'src/main/cloudformation/db.yaml', 'src/main/cloudformation/orders.yaml')
def orders = new File(basedir, 'src/main/cloudformation/orders.yaml')
orders.text = orders.text + '''  PaymentsDb:
    Type: AWS::RDS::DBInstance
    DeletionPolicy: Snapshot
    UpdateReplacePolicy: Snapshot
    Properties:
      Engine: postgres
      DBInstanceClass: db.m6g.large
      AllocatedStorage: "100"
      MaxAllocatedStorage: 500
      BackupRetentionPeriod: 7
      DeletionProtection: true
'''
return true
