<?xml version="1.0" encoding="UTF-8"?>
<!-- a comment -->
<psc:chapters version="1.2" xmlns:psc="http://podlove.org/simple-chapters">
  <psc:chapter start="00:00:00.000" title="Intro"/>
  <psc:chapter start="00:01:23.456" title="B &amp; &quot;quoted&quot; &#233;" href="https://example.com/?a=1&amp;b=2" image="https://example.com/b.jpg"/>
  <psc:chapter start="300.5" title='single quoted'/>
  <psc:chapter start="62:03" title="minutes"></psc:chapter>
</psc:chapters>
