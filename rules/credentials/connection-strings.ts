// Database and broker connection strings that carry a password.
// URL forms follow RFC 3986 userinfo (`scheme://user:password@host`), as documented by PostgreSQL (libpq URIs),
// MySQL (URI-like strings), MongoDB, Redis, RabbitMQ (AMQP URI spec) and mail libraries (smtp://). JDBC and
// ADO.NET / ODBC / libpq key=value strings put the password in a `password=` / `Pwd=` parameter.
// The secret is the password. Not findings: references (`${DB_PASSWORD}`, `%s`, `{password}`), documentation
// placeholders (`<password>`, `****`), well-known defaults (`postgres:postgres`, `root:root`, `user:password`) and
// anything pointing at the local machine (`localhost`, `127.0.0.1`): local development databases are not secrets.
import type { FixHint, Guide, Rule } from '../schema.js';

// userinfo: the user may be empty (`redis://:pass@`), the password may contain `:`; both stop at `@`, `/`, quotes,
// whitespace and template brackets, so `${…}`, `{password}` and `<password>` never match.
const USER = String.raw`[^\s:@/?#"'\x60\\<>{}\[\]]{0,128}`;
const PASSWORD_CHAR = String.raw`[^\s@/?#"'\x60\\<>{}\[\]]`;
// Defaults and tutorial passwords, optionally with a short prefix and trailing digits: postgres, root, admin123,
// mysecretpassword, P@ssw0rd!, guest, abc123, x-oauth-basic (GitHub's marker password, the token is the user name).
const DEFAULT_PREFIX = String.raw`(?:(?:my|your|the|some|super|db|test|dev|default|admin|root|app|secret)[_-]?)?`;
// Up to two prefixes (`mysecretpassword`), written out: a repeated group with an alternation is refused by the
// linear-time check.
const DEFAULTS = String.raw`${DEFAULT_PREFIX}${DEFAULT_PREFIX}(?:pass(?:word|wd)?|passw0rd|p@ssw0rd|p@ssword|pw|pwd|secret|s3cr3t|changeme|change_me|admin|root|toor|postgres|mysql|mongo(?:db)?|redis|rabbitmq|guest|user(?:name)?|test(?:ing)?|demo|default|example|sample|dev|local|letmein|qwerty|welcome|tiger|oracle|manager|system|foobar|foo|bar|abc|asdf|x-oauth-basic|none|null|x{3,16})?[0-9!.]{0,6}`;
const LOCAL_HOST = String.raw`(?:localhost|127\.0\.0\.1|0\.0\.0\.0|\[::1\]|host\.docker\.internal)(?![A-Za-z0-9.-])`;
// Length: a password is the user's choice, so no provider bounds it: 6 keeps out defaults and placeholders,
// 256 bounds the read (a design bound, not a format).
// A local database's URL with a random-looking password (`postgres://app:<random>@localhost/app`): a development
// database's password is usually a default, but a random one is often the production password copied, or a
// tunnel's. Reported as a warning (it does not block by default); defaults and words stay quiet.
const LOCAL_URL_CREDENTIALS = String.raw`://${USER}:(?![$%])(?<secret>${PASSWORD_CHAR}{12,256})@${LOCAL_HOST}`;
// A name standing for the password (`oplog_reader_password`), written out: no repeated group.
const NAMED_PASSWORD = String.raw`[a-z]{1,16}_(?:[a-z]{1,16}_)?(?:password|passwd|pwd|secret)`;
const URL_CREDENTIALS = String.raw`://${USER}:(?![$%])(?!${DEFAULTS}@)(?!${NAMED_PASSWORD}@)(?<secret>${PASSWORD_CHAR}{6,256})@(?!${LOCAL_HOST})`;
// The end of a key=value password: `;`, `&`, a quote, whitespace or the end of the text.
const PARAM_END = String.raw`(?=[;&"'\x60\\\s]|$)`;
// Length: as URL_CREDENTIALS (a design bound).
// Not a name then a call's punctuation: Python's keyword arguments (`host=None, password=None):`,
// `password=args.password,`) hold a variable, not a password.
const CODE_ARGUMENT = String.raw`[A-Za-z_][\w.]{0,255}[),:]{1,3}${PARAM_END}`;
const PARAM_VALUE = String.raw`(?![$%{<])(?!${DEFAULTS},?${PARAM_END})(?!${CODE_ARGUMENT})(?<secret>[^;&\s"'\x60\\<>{}]{6,256})${PARAM_END}`;

const checkLog = (where: string) =>
  `${where} Connections from hosts or networks you do not recognise, or at unusual times, are the sign of misuse.`;

function dbFix(env: string, provider: string, change: string, docs: string): FixHint {
  return {
    env,
    provider,
    rotate: [
      change,
      `Store the new connection string in your secrets manager or deployment environment (e.g. ${env}) and redeploy every service that uses it.`,
      'Confirm that nothing still connects with the old password: it must now fail to authenticate.',
      'If the commit was pushed, treat the old password as public even after rewriting history, and review access logs for the exposure window.',
    ],
    docs,
  };
}

function dbGuide(what: string, risks: string, checkMisuse: string): Guide {
  return { grants: what, risks, checkMisuse };
}

export const connectionStringRules: Rule[] = [
  {
    id: 'local-database-url-password',
    title: 'Database URL on the local machine with a random password',
    severity: 'low',
    // A warning: local databases are often throw-away, but a random password is worth a look.
    testKey: true,
    keywords: ['localhost', '127.0.0.1', '0.0.0.0', '[::1]', 'host.docker.internal'],
    flags: 'i',
    pattern: String.raw`(?:postgres(?:ql)?|pgsql|mysql|mariadb|mongodb(?:\+srv)?|rediss?|amqps?)(?:\+[a-z0-9]{1,20})?${LOCAL_URL_CREDENTIALS}`,
    // Random-looking only: `postgres:postgres`, `app:devpassword`, `root:example` are local defaults.
    verify: 'generic-value',
    examples: [
      'DATABASE_URL=postgres://app:{{base62:24}}@localhost:5432/app',
      'MONGODB_URI=mongodb://admin:{{base64url:32}}@127.0.0.1:27017/admin',
      'REDIS_URL=redis://:{{base62:32}}@localhost:6379/0',
    ],
    negativeExamples: [
      'DATABASE_URL=postgres://postgres:postgres@localhost:5432/app_dev',
      'DATABASE_URL=mysql://root:developmentpassword@localhost:3306/app',
      'DATABASE_URL=postgres://app:${DB_PASSWORD}@localhost:5432/app',
      'DATABASE_URL=postgres://app:{{base62:24}}@db.localhost.corp.io:5432/app',
    ],
    fix: dbFix(
      'DATABASE_URL',
      'the local database',
      'If the password is used anywhere but this machine (a shared or production database, a tunnel), change it there.',
      'https://www.postgresql.org/docs/current/libpq-connect.html#LIBPQ-CONNSTRING-URIS',
    ),
    guide: dbGuide(
      'The password logs in to the database the URL names, here on the local machine or through a tunnel to it.',
      'A random password on localhost is often a production password copied for a tunnel or a test: whoever reads it can try it on the real database.',
      checkLog("Review the real database's connection log for the user."),
    ),
  },
  {
    id: 'postgres-connection-string',
    title: 'PostgreSQL connection string with a password',
    severity: 'high',
    keywords: ['postgres', 'pgsql'],
    flags: 'i',
    pattern: String.raw`(?:postgres(?:ql)?|pgsql)(?:\+[a-z0-9]{1,20})?${URL_CREDENTIALS}`,
    examples: [
      'DATABASE_URL=postgres://app_user:{{base62:24}}@db.prod.internal:5432/app',
      'SQLALCHEMY_DATABASE_URI = "postgresql+psycopg2://report:{{base62:20}}@10.0.4.12/analytics"',
      'url: postgresql://svc_billing:{{base64url:32}}@billing.cluster-abc.eu-west-1.rds.amazonaws.com:5432/billing?sslmode=require',
    ],
    negativeExamples: [
      // The password of the Docker image's own documentation, in a compose file.
      '      DATABASE_URL: postgres://postgres:mysecretpassword@db:5432',
      'DATABASE_URL=postgres://postgres:postgres@localhost:5432/app_dev',
      'DATABASE_URL=postgres://app:{{base62:24}}@localhost:5432/app',
      'DATABASE_URL=postgresql://${DB_USER}:${DB_PASSWORD}@${DB_HOST}:5432/app',
      'DATABASE_URL=postgres://user:password@db.example.com/mydb',
      '# postgresql://<user>:<password>@<host>:<port>/<database>',
      'DATABASE_URL=postgres://app@db.prod.internal:5432/app',
      'dsn = f"postgresql://{user}:{password}@{host}/{name}"',
      'DATABASE_URL=postgres://app:********@db.prod.internal/app',
      "const config = parse('postgres://someuser:somepassword@somehost:5433/somedb')",
    ],
    fix: dbFix(
      'DATABASE_URL',
      'PostgreSQL',
      "Set a new password for the role (`ALTER ROLE app_user WITH PASSWORD '…';`, or reset it in your cloud console: RDS, Cloud SQL, Azure Database).",
      'https://www.postgresql.org/docs/current/libpq-connect.html#LIBPQ-CONNSTRING',
    ),
    guide: dbGuide(
      'The URL logs in to the PostgreSQL server as that role, with every privilege the role has on its databases and schemas.',
      'An attacker who can reach the server reads or exports your data, changes or deletes it, and with a superuser role can run programs on the database host.',
      checkLog(
        "Enable or read the server log (log_connections) or your cloud provider's database audit log and look at pg_stat_activity for sessions of this role.",
      ),
    ),
  },
  {
    id: 'mysql-connection-string',
    title: 'MySQL / MariaDB connection string with a password',
    severity: 'high',
    keywords: ['mysql', 'mariadb'],
    flags: 'i',
    pattern: String.raw`(?:mysqlx?|mariadb)(?:\+[a-z0-9]{1,20})?${URL_CREDENTIALS}`,
    examples: [
      'DATABASE_URL=mysql://shop:{{base62:22}}@mysql-primary.internal:3306/shop',
      'engine = create_engine("mysql+pymysql://etl:{{base62:18}}@10.1.2.3/warehouse")',
      'spring.datasource.url=jdbc:mysql://api:{{base64url:24}}@db1.corp.net:3306/api',
      'MARIADB_URL="mariadb://wp:{{base62:20}}@wp-db.prod/wordpress"',
    ],
    negativeExamples: [
      'DATABASE_URL=mysql://root:root@localhost:3306/app',
      'DATABASE_URL=mysql://root:{{base62:20}}@127.0.0.1:3306/app',
      'DATABASE_URL=mysql://root:secret@db:3306/app',
      'DATABASE_URL="mysql://${MYSQL_USER}:${MYSQL_PASSWORD}@db/app"',
      'DATABASE_URL=mysql://app@db.internal/app',
    ],
    fix: dbFix(
      'DATABASE_URL',
      'MySQL / MariaDB',
      "Change the account's password (`ALTER USER 'shop'@'%' IDENTIFIED BY '…';`, or reset it in your cloud console).",
      'https://dev.mysql.com/doc/refman/8.0/en/connecting-using-uri-or-key-value-pairs.html',
    ),
    guide: dbGuide(
      'The URL logs in to the MySQL or MariaDB server as that account, with all of its grants on the databases it can see.',
      'An attacker who can reach the server dumps tables (customer data, password hashes), alters or drops them, and may write files on the host if the account has the FILE privilege.',
      checkLog(
        "Check the general or audit log (or your cloud provider's database logs) and SHOW PROCESSLIST for sessions of this account.",
      ),
    ),
  },
  {
    id: 'mongodb-connection-string',
    title: 'MongoDB connection string with a password',
    severity: 'high',
    keywords: ['mongodb'],
    flags: 'i',
    pattern: String.raw`mongodb(?:\+srv)?${URL_CREDENTIALS}`,
    examples: [
      'MONGODB_URI=mongodb+srv://api-prod:{{base62:24}}@cluster0.a1b2c.mongodb.net/app?retryWrites=true&w=majority',
      'const uri = "mongodb://reporting:{{base62:20}}@mongo-0.mongo:27017,mongo-1.mongo:27017/reports?replicaSet=rs0";',
      'spring.data.mongodb.uri=mongodb://orders:{{base64url:32}}@10.20.0.5:27017/orders',
    ],
    negativeExamples: [
      // A name standing for the password.
      '# MONGO_OPLOG_URL="mongodb://oplog_reader:oplog_reader_password@server1,server2/local?authSource=admin"',
      // A tutorial password in a templated URL.
      'servers = ["mongodb://main_admin:abc123@${host}:${port}"]',
      'MONGODB_URI=mongodb://localhost:27017/test',
      'MONGODB_URI=mongodb+srv://<username>:<password>@cluster0.mongodb.net/',
      'MONGODB_URI=mongodb://admin:admin123@mongo:27017',
      'MONGODB_URI=mongodb://app:{{base62:20}}@localhost:27017/app',
      'const uri = `mongodb+srv://${user}:${pass}@${host}/db`;',
    ],
    fix: dbFix(
      'MONGODB_URI',
      'MongoDB',
      'Change the database user\'s password (Atlas: Database Access → Edit → Edit Password; self-hosted: `db.changeUserPassword("api-prod", "…")`).',
      'https://www.mongodb.com/docs/manual/reference/connection-string/',
    ),
    guide: dbGuide(
      'The URI authenticates to the MongoDB deployment as that user, with the roles granted to it on each database.',
      'Exposed MongoDB credentials are used to copy whole collections, delete them and leave ransom notes, or to read personal data.',
      checkLog(
        'In Atlas, check Project Activity Feed and the database access history; self-hosted, read the mongod log for authentication events of this user.',
      ),
    ),
  },
  {
    id: 'redis-connection-string',
    title: 'Redis connection string with a password',
    severity: 'high',
    keywords: ['redis', 'valkey'],
    flags: 'i',
    pattern: String.raw`(?:rediss?|redis\+sentinel|valkeys?)${URL_CREDENTIALS}`,
    examples: [
      'REDIS_URL=redis://:{{base62:32}}@redis-master.cache.svc:6379/0',
      'REDIS_URL=rediss://default:{{base62:24}}@eu1-shiny-cat-30000.upstash.io:6379',
      "CELERY_BROKER_URL = 'redis://worker:{{base64url:24}}@10.0.0.7:6379/1'",
    ],
    negativeExamples: [
      'REDIS_URL=redis://localhost:6379/0',
      'REDIS_URL=redis://:{{base62:32}}@localhost:6379',
      'REDIS_URL=redis://:redis@cache:6379',
      'REDIS_URL=redis://:${REDIS_PASSWORD}@cache:6379',
      'REDIS_URL=redis://cache.internal:6379/2',
    ],
    fix: dbFix(
      'REDIS_URL',
      'Redis',
      "Set a new password: `ACL SETUSER default >new-password <old-password` (Redis 6+) or `CONFIG SET requirepass`, or rotate it in your provider's console (ElastiCache, Upstash, Redis Cloud).",
      'https://redis.io/docs/latest/operate/oss_and_stack/management/security/acl/',
    ),
    guide: dbGuide(
      'The URL authenticates to the Redis server, usually with full access to every key, and often with administrative commands.',
      'An attacker reads cached sessions and tokens, flushes or poisons the cache and queues, and on an unprotected server can use CONFIG or modules to run code.',
      checkLog("Run `CLIENT LIST` and `ACL LOG`, and check your provider's connection metrics."),
    ),
  },
  {
    id: 'amqp-connection-string',
    title: 'AMQP (RabbitMQ) connection string with a password',
    severity: 'high',
    keywords: ['amqp'],
    flags: 'i',
    pattern: String.raw`amqps?${URL_CREDENTIALS}`,
    examples: [
      'RABBITMQ_URL=amqp://orders:{{base62:24}}@rabbitmq.prod.internal:5672/orders',
      'CLOUDAMQP_URL=amqps://kxqwzr:{{base64url:32}}@hawk.rmq.cloudamqp.com/kxqwzr',
      'broker_url = "amqp://celery:{{base62:20}}@10.0.3.14:5672//"',
    ],
    negativeExamples: [
      'RABBITMQ_URL=amqp://guest:guest@localhost:5672/',
      'RABBITMQ_URL=amqp://guest:guest@rabbitmq:5672/',
      'RABBITMQ_URL=amqp://app:{{base62:20}}@localhost:5672',
      'RABBITMQ_URL=amqp://${RABBIT_USER}:${RABBIT_PASS}@rabbitmq/',
    ],
    fix: dbFix(
      'AMQP_URL',
      'RabbitMQ',
      "Change the user's password (`rabbitmqctl change_password orders '…'`, or in the management UI / your hosting provider's console).",
      'https://www.rabbitmq.com/docs/uri-spec',
    ),
    guide: dbGuide(
      'The URL logs in to the message broker as that user, with its configure, write and read permissions on the virtual host.',
      'An attacker reads messages (often orders, e-mails or personal data), injects forged messages your consumers trust, or deletes queues.',
      checkLog('Check the broker log and the management UI (Connections, Admin → Users) for connections of this user.'),
    ),
  },
  {
    id: 'smtp-connection-string',
    title: 'SMTP connection URL with a password',
    severity: 'high',
    keywords: ['smtp'],
    flags: 'i',
    pattern: String.raw`smtps?${URL_CREDENTIALS}`,
    examples: [
      'MAIL_URL=smtps://noreply%40corp.io:{{base62:20}}@smtp.corp.io:465',
      'EMAIL_URL=smtp://apikey:{{base64url:40}}@smtp.mailprovider.net:587',
      "transport: 'smtp://alerts:{{base62:24}}@mail.internal:25'",
    ],
    negativeExamples: [
      'MAIL_URL=smtp://localhost:1025',
      'MAIL_URL=smtp://user:pass@mailhog:1025',
      'MAIL_URL=smtp://dev:{{base62:20}}@127.0.0.1:1025',
      'MAIL_URL=smtps://${SMTP_USER}:${SMTP_PASSWORD}@smtp.corp.io:465',
    ],
    fix: dbFix(
      'SMTP_URL',
      'your mail provider',
      'Create a new SMTP password or API key for the sending account at your mail provider and revoke the old one.',
      'https://nodemailer.com/smtp/',
    ),
    guide: dbGuide(
      'The URL authenticates to the mail server as that sender, allowing it to send mail from your domain.',
      'An attacker sends phishing or spam from your trusted domain, hurting deliverability and fooling your users, and may read mail if the account also has IMAP access.',
      checkLog("Check the provider's sending logs and bounce/complaint reports for messages you did not send."),
    ),
  },
  {
    id: 'jdbc-connection-string',
    title: 'JDBC connection string with a password',
    severity: 'high',
    keywords: ['jdbc:'],
    flags: 'i',
    // jdbc:sqlserver://host;user=…;password=…  and  jdbc:postgresql://host/db?user=…&password=…
    pattern: String.raw`jdbc:[a-z][a-z0-9]{1,20}:(?:[a-z0-9]{1,20}:)?//(?!${LOCAL_HOST})[^\s"'\x60\\<>]{1,512}?[;?&](?:password|pwd)=${PARAM_VALUE}`,
    examples: [
      'spring.datasource.url=jdbc:sqlserver://sql01.corp.local:1433;databaseName=erp;user=erp_app;password={{base62:20}};encrypt=true',
      'JDBC_DATABASE_URL=jdbc:postgresql://pg.prod.internal:5432/app?user=app&password={{base62:24}}&ssl=true',
      '<property name="url" value="jdbc:mysql://10.0.0.9:3306/crm?user=crm&amp;password={{base64url:20}}"/>',
    ],
    negativeExamples: [
      'spring.datasource.url=jdbc:sqlserver://localhost:1433;databaseName=erp;user=sa;password={{base62:20}}',
      'spring.datasource.url=jdbc:postgresql://db:5432/app?user=app&password=${DB_PASSWORD}',
      'spring.datasource.url=jdbc:postgresql://db:5432/app?user=postgres&password=postgres',
      'spring.datasource.url=jdbc:sqlserver://sql01:1433;databaseName=erp;integratedSecurity=true',
      'url=jdbc:mysql://db:3306/crm?user=crm&password=<password>',
    ],
    fix: dbFix(
      'JDBC_DATABASE_URL',
      'your database server',
      "Change the database account's password on the server (ALTER LOGIN / ALTER USER / ALTER ROLE, or your cloud console).",
      'https://learn.microsoft.com/en-us/sql/connect/jdbc/building-the-connection-url',
    ),
    guide: dbGuide(
      'The JDBC URL logs in to the database as the account it names, with every permission that account has.',
      'An attacker who can reach the database reads, changes or deletes its data, and can escalate further if the account is an administrator such as sa.',
      checkLog(
        "Check the database server's login audit (SQL Server audit, pg log_connections, MySQL audit log) for this account.",
      ),
    ),
  },
  {
    id: 'oracle-connection-string',
    title: 'Oracle JDBC connection string with a password',
    severity: 'high',
    keywords: ['jdbc:oracle:'],
    flags: 'i',
    // jdbc:oracle:thin:user/password@host:1521/service
    // Length: a user-chosen password: 6–128 is a design bound, like URL_CREDENTIALS'.
    pattern: String.raw`jdbc:oracle:(?:thin|oci8?):[A-Za-z0-9_$#]{1,128}/(?![$%{<])(?!${DEFAULTS}@)(?<secret>[^\s@/"'\x60\\<>{}]{6,128})@(?://)?(?!${LOCAL_HOST})`,
    examples: [
      'db.url=jdbc:oracle:thin:scott_app/{{base62:20}}@ora-prod.corp.net:1521/ORCLPDB1',
      'ORACLE_URL="jdbc:oracle:thin:billing/{{base62:16}}@//10.0.8.4:1521/BILL"',
      '<property name="url" value="jdbc:oracle:oci:hr_ro/{{base64url:20}}@hrdb"/>',
    ],
    negativeExamples: [
      'db.url=jdbc:oracle:thin:@ora-prod.corp.net:1521/ORCLPDB1',
      'db.url=jdbc:oracle:thin:system/oracle@localhost:1521/XE',
      'db.url=jdbc:oracle:thin:scott/tiger1@db:1521/ORCL',
      'db.url=jdbc:oracle:thin:${DB_USER}/${DB_PASS}@db:1521/ORCL',
    ],
    fix: dbFix(
      'ORACLE_JDBC_URL',
      'Oracle Database',
      'Change the schema user\'s password (`ALTER USER scott_app IDENTIFIED BY "…";`).',
      'https://docs.oracle.com/en/database/oracle/oracle-database/21/jjdbc/data-sources-and-URLs.html',
    ),
    guide: dbGuide(
      'The URL logs in to the Oracle database as that schema user, with its object and system privileges.',
      "An attacker reads or changes the schema's data and, with powerful roles such as DBA, takes over the whole database.",
      checkLog('Query the unified audit trail (UNIFIED_AUDIT_TRAIL) or the listener log for logins of this user.'),
    ),
  },
  {
    id: 'mssql-connection-string',
    title: 'Database connection string with a password (ADO.NET / ODBC / libpq key=value)',
    severity: 'high',
    keywords: ['password', 'pwd'],
    flags: 'i',
    // Server=…;Database=…;User Id=…;Password=…;   Host=…;Username=…;Password=…   host=… user=… password=…
    // Blanks after the server's `=` are read by the value's own range: a `[ \t]{0,4}` before it would trade them
    // with it (src/engine/linear-time.ts, adjacent ranges).
    pattern: String.raw`(?:server|data source|host|address|addr|network address)(?<![A-Za-z0-9_](?:server|data source|host|address|addr|network address))[ \t]{0,4}=(?!(?:tcp:)?(?:${LOCAL_HOST}|\(local(?:db)?\)|\.(?![A-Za-z0-9])))[^"'\x60\n]{1,512}?[; \t](?:password|pwd)[ \t]{0,4}=[ \t]{0,4}${PARAM_VALUE}`,
    examples: [
      '"DefaultConnection": "Server=tcp:contoso-sql.database.windows.net,1433;Initial Catalog=shop;User ID=shopadmin;Password={{base62:20}};Encrypt=True;"',
      'ConnectionString = "Data Source=SQLPROD01;Initial Catalog=Payroll;User Id=payroll_svc;Pwd={{base62:16}};"',
      'PG_CONN="host=pg.prod.internal port=5432 dbname=app user=app password={{base64url:24}} sslmode=require"',
      'Host=pg-primary.db;Database=orders;Username=orders;Password={{base62:24}}',
    ],
    negativeExamples: [
      // A default in a list of settings.
      '        use_tls=use_tls, host=host, use_ssl=use_ssl, password=password,',
      // Keyword arguments that pass variables along.
      'def failover(self, host=None, on_shared_storage=True, password=None):',
      'conn = cache_client(host=login_host, port=login_port, password=login_password)',
      'res = server.failover(host=args.host, password=args.password,',
      'Server=localhost;Database=shop;User Id=sa;Password={{base62:20}};',
      'Server=(localdb)\\mssqllocaldb;Database=shop;Trusted_Connection=True;',
      'Server=db;Database=shop;User Id=sa;Password=yourStrong(!)Password;',
      'Server=sql01;Database=shop;User Id=app;Password=${SQL_PASSWORD};',
      'Server=sql01;Database=shop;Integrated Security=SSPI;',
      'Server=sql01;Database=shop;User Id=app;Password=<password>;',
    ],
    fix: dbFix(
      'DB_CONNECTION_STRING',
      'your database server',
      "Change the login's password on the server (`ALTER LOGIN shopadmin WITH PASSWORD = '…';`, ALTER ROLE for PostgreSQL, or your cloud console).",
      'https://learn.microsoft.com/en-us/dotnet/framework/data/adonet/connection-string-syntax',
    ),
    guide: dbGuide(
      'The connection string logs in to the database server as the account it names, with every permission that account has.',
      'An attacker who can reach the server reads, changes or deletes data; with an administrative login (sa, a db_owner) they can run commands on the host.',
      checkLog(
        "Check the server's login audit (SQL Server audit or error log, Azure SQL auditing, PostgreSQL log_connections) for this account.",
      ),
    ),
  },
];
