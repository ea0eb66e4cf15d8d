#!/usr/bin/perl
# An independent EPP client (Debian's libnet-epp-perl) driving the mock registry. Prints one line per
# step: "<step> <code> <detail>", which tests/unit/registry/perl-client.test.ts reads.
# usage: epp-perl-client.pl HOST PORT DOMAIN
use strict;
use warnings;
use Net::EPP::Simple;
use Net::EPP::Frame::Command::Poll::Req;
use Net::EPP::Frame::Command::Poll::Ack;

my ($host, $port, $domain) = @ARGV;
$| = 1;

sub connect_as {
  my ($user, $pass) = @_;
  my $epp = Net::EPP::Simple->new(host => $host, port => $port, user => $user, pass => $pass, timeout => 10, load_config => 0);
  die "connect as $user failed: $Net::EPP::Simple::Error\n" unless $epp;
  return $epp;
}

sub report {
  my ($step, $detail) = @_;
  printf("%s %s %s\n", $step, $Net::EPP::Simple::Code // 'none', $detail // '');
}

my $epp = connect_as('platform', 'platform-dev-pass');
report('login', 'ok');

my $avail = $epp->check_domain($domain);
report('check', defined($avail) ? "avail=$avail" : "error=$Net::EPP::Simple::Error");

my $contact = 'perl' . int(rand(1_000_000));
$epp->create_contact({
  id => $contact,
  postalInfo => { int => { name => 'Perl Tester', org => 'CPAN', addr => { street => ['1 Camel Way'], city => 'Oslo', pc => '0150', cc => 'NO' } } },
  voice => '+47.12345678',
  fax => '',
  email => 'perl@example.net',
  authInfo => 'contactPass1',
});
report('create_contact', $contact);

$epp->create_domain({
  name => $domain,
  period => 1,
  registrant => $contact,
  contacts => { admin => $contact, tech => $contact },
  authInfo => 'camelPass1',
});
report('create_domain', $domain);

my $info = $epp->domain_info($domain);
my $exDate = ref($info) eq 'HASH' ? $info->{exDate} : '';
report('info', $exDate);

my ($curExp) = ($exDate // '') =~ /^(\d{4}-\d{2}-\d{2})/;
$epp->renew_domain({ name => $domain, cur_exp_date => $curExp, period => 1 });
report('renew', $curExp);

my $rival = connect_as('rival', 'rival-dev-pass');
my $trn = $rival->domain_transfer_request($domain, 'camelPass1', 1);
report('transfer_request', ref($trn) eq 'HASH' ? $trn->{trStatus} : "error=$Net::EPP::Simple::Error");

my $poll = $epp->request(Net::EPP::Frame::Command::Poll::Req->new);
my $code = $poll ? $poll->getElementsByTagNameNS('urn:ietf:params:xml:ns:epp-1.0', 'result')->shift->getAttribute('code') : 'none';
my $msgQ = $poll ? $poll->getElementsByTagNameNS('urn:ietf:params:xml:ns:epp-1.0', 'msgQ')->shift : undef;
my $msgId = $msgQ ? $msgQ->getAttribute('id') : '';
print "poll $code $msgId\n";
if ($msgId ne '') {
  my $ack = Net::EPP::Frame::Command::Poll::Ack->new;
  $ack->setMsgID($msgId);
  my $ackResponse = $epp->request($ack);
  my $ackCode = $ackResponse ? $ackResponse->getElementsByTagNameNS('urn:ietf:params:xml:ns:epp-1.0', 'result')->shift->getAttribute('code') : 'none';
  print "ack $ackCode $msgId\n";
}

# The pending transfer blocks the delete; the gaining registrar withdraws it first.
$rival->domain_transfer_cancel($domain);
report('transfer_cancel', '');

$epp->delete_domain($domain);
report('delete', $Net::EPP::Simple::Message // '');

$rival->logout;
$epp->logout;
report('logout', '');
