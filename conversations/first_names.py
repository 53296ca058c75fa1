"""Common first (given) names of people living in and moving to Bavaria.

Used by the privacy redactor to recognise person names in citizen chat messages, e.g.
"Resi hier" or "Bauherr ist Josef Obermaier". Written from general knowledge; no external
name list was copied. Names that are also ordinary German or English words or common
place/authority words (Will, Ernst, Linde, Mai, ...) are left out on purpose: see AMBIGUOUS.
"""

# German given names, generations born roughly 1930-1975.
_GERMAN_OLDER = """
Adelheid Adolf Agathe Agnes Albert Albrecht Alfons Alfred Alois Aloisia Alwin Alwine
Amalie Angelika Anita Anneliese Annemarie Annegret Anni Anton Armin Arno Arnold Artur
Auguste Augustin Bärbel Baerbel Beate Benno Bernd Bernhard Berta Bertha Berthold Bettina
Birgit Bodo Brigitte Brunhilde Bruno Burkhard Christa Christel Christiane Christine
Cäcilia Cacilia Claus Cornelia Dagmar Detlef Detlev Dieter Dietmar Dietrich Doris
Dorothea Dorothee Eberhard Eckhard Edeltraud Edeltraut Edith Edgar Edmund Egon Elfriede
Elisabeth Elke Ella Elli Elsbeth Emil Emilie Emma Engelbert Erhard Erich Erika Erna
Erwin Eugen Eva Ewald Ferdinand Franz Franziska Frieda Friedhelm Friedrich Fritz
Gabriele Gebhard Gerda Gerd Gerhard Gerlinde Gernot Gertraud Gertrud Gertrude Gisela
Gottfried Gudrun Günter Guenter Gunter Günther Guenther Gustav Hannelore Hanni Hans
Harald Hartmut Hedwig Heidemarie Heidi Heike Heiner Heinrich Heinz Helene Helga Helmut
Helmuth Henriette Herbert Heribert Hermann Herta Hertha Hilde Hildegard Hiltrud Horst
Hubert Hugo Ignaz Ilse Ilona Inge Ingeborg Ingo Ingrid Irene Irma Irmgard Irmtraud Jakob
Joachim Johann Johanna Josef Josefa Josefine Joseph Juliane Jürgen Juergen Jutta Karl
Karla Karola Karoline Katharina Käthe Kaethe Klara Klaus Klemens Clemens Konrad
Kreszentia Kunigunde Kurt Leonhard Leopold Liesel Lieselotte Liselotte Lothar Ludwig
Luise Lutz Manfred Margarete Margarethe Margit Margot Marianne Marlies Martha Mathilde
Mechthild Monika Nikolaus Norbert Olga Oskar Oswald Otmar Otto Ottilie Paula Petra
Rainer Regina Reinhard Reinhold Renate Richard Rita Robert Roland Rolf Rosa Rosemarie
Rosina Roswitha Rudi Rudolf Rüdiger Ruediger Rupert Siegfried Sieglinde Sigmund Sigrid
Sybille Sibylle Theodor Therese Theresia Udo Ulrich Ulrike Ursula Ute Uta Uwe Volker
Waldemar Walburga Walter Waltraud Waltraut Wendelin Werner Wilfried Wilhelm Wilhelmine
Willi Willy Wilma Winfried Wolfgang Xaver Franz-Xaver Franz-Josef Karl-Heinz Hans-Peter
Hans-Jürgen Hans-Juergen Hans-Joachim Hans-Dieter Hans-Georg Klaus-Dieter Eva-Maria
Marie-Luise Anna-Maria Anne-Marie Frank Georg Karin Achim Raimund Heidrun
"""

# German given names, generations born roughly 1970-2020.
_GERMAN_YOUNGER = """
Aaron Adrian Alexander Alexandra Alina Amelie Andrea Andreas Angela Anja Anke Anna
Annika Anne Antje Antonia Astrid Axel Bastian Ben Benedikt Benjamin Bianca Björn Bjoern
Carina Carl Carla Carolin Caroline Celina Celine Charlotte Chantal Chiara Christian
Christina Christoph Christopher Clara Claudia Constantin Corinna Dana Daniel Daniela
David Denise Dennis Diana Dirk Dominik Elena Elias Elisa Emilia Emily Emilio Enno Erik
Eric Fabian Fabienne Felix Finja Finn Fynn Fiona Florian Frederik Frida Gregor Greta
Hanna Hannah Hannes Heiko Helena Henrik Hendrik Henri Henry Holger Ida Ilias Ina Ines
Isabel Isabell Isabella Jakob Jan Jana Janina Janine Jannik Jannis Jasmin Jennifer Jens
Jessica Joel Johannes Jona Jonas Jonathan Jörg Joerg Josefine Josephine Jule Julia
Julian Julius Juna Justin Justus Kai Kay Karina Kathrin Katrin Katja Kerstin Kevin
Kilian Kim Kira Klara Konstantin Kristina Lara Larissa Lars Laura Laurin Lea Leah Lena
Lennard Lennart Leo Leon Leonard Leonie Levi Lia Liam Lilli Lilly Lina Linda Linus Lisa
Lotta Lotte Louis Luca Lucas Luis Luisa Luise Luka Lukas Maik Maja Mandy Manuel Manuela
Marc Marcel Marco Marcus Mareike Maria Marie Marina Mario Marion Marius Markus Marlene
Marlon Martin Martina Marvin Mathilda Matilda Mats Matteo Matthias Mathias Mattis Max
Maxim Maximilian Maya Meike Maike Melanie Melina Merle Mia Michael Michaela Michelle
Mika Mila Milena Mira Miriam Moritz Nadine Nadja Natalie Natascha Nele Nick Nico Nicole
Niklas Nils Nina Noah Noel Nora Ole Oliver Olivia Pascal Patrick Paul Paula Pauline
Peggy Peter Petra Philipp Pia Rafael Raphael Ralf Ralph Ramona Rebecca René Rene Rico
Romy Ronja Ronny Rosalie Sabine Sabrina Samuel Sandra Sara Sarah Sascha Selina Silke
Simon Simone Sina Sofia Sophia Sophie Sonja Stefan Stefanie Steffen Stella Stephan
Stephanie Susanne Svenja Sven Tamara Tanja Theo Thea Theresa Thomas Thorsten Torsten Tim
Timo Tobias Tom Valentin Valentina Vanessa Verena Veronika Victoria Viktoria Vincent
Yannick Yvonne Zoe Sönke Soenke Hauke Ann-Kathrin Anna-Lena Lea-Sophie Marie-Sophie
Lisa-Marie Emmi Frauke Wiebke Britta Saskia Tabea Esther Judith Lydia Carmen Cosima
Felicitas Maren Imke Gesa Katharina Henning Olaf Ulf Kolja Thilo Tilo Tilman Laurenz
Falk Gunnar Jochen Arne Sylvia Silvia
"""

# Bavarian/Austrian saints' names, short forms and nicknames.
_BAVARIAN_AUSTRIAN = """
Sepp Seppi Seppl Beppo Pepi Peppi Resi Resl Reserl Vroni Vreni Wastl Hias Hiasl Schorsch
Girgl Vevi Kathi Kathl Leni Toni Ferdl Gustl Hansi Hansl Wiggerl Luggi Bertl Rosi Rosl
Gitti Moni Andi Anderl Flo Flori Basti Steffi Sabsi Babsi Zenzi Burgi Liesl Lisl Lisi
Lissi Gretl Gretel Traudl Mitzi Mizzi Mirl Marei Nannerl Nanni Fini Fanni Walli Wally
Wetti Babette Friedl Loisl Loisi Lois Sepperl Lenerl Steffl Fanny Maxl Michl Michi
Franzl Naz Nazl Jackl Fonse Fonsi Poldi
Schani Xare Xaverl Xandi Korbi Bartl Wolfi Bene Beni Benni Tobi Chrissi Christl Dani
Manu Franzi Fritzi Sissi Cilli Gerti Elfi Evi Gabi Uschi Biggi Conny Susi Bibi Lotti
Mimi Trixi Sigi Jogi Kalle Manni Olli Uli Ulli Charly Jupp Korbinian Quirin Vitus
Emmeram Severin Kajetan Vinzenz Willibald Balthasar Melchior Kaspar Nepomuk Magnus Afra
Notburga Kreszenz Genoveva Rosalia Zita Crescentia Apollonia Scholastika Irmi
"""

# Turkish given names, with Turkish letters and as commonly typed without.
_TURKISH = """
Mehmet Mustafa Ahmet Ali Hüseyin Huseyin Hasan İbrahim Ibrahim İsmail Ismail Osman Yusuf
Murat Ömer Omer Ramazan Halil Süleyman Suleyman Abdullah Mahmut Recep Salih Kemal Fatih
Emir Emre Burak Cem Cenk Deniz Eren Enes Furkan Hakan Kaan Kerem Kadir Levent Mert Onur Oğuz
Oguz Orhan Ozan Serkan Sinan Tolga Tuncay Uğur Ugur Volkan Yasin Yunus Yiğit Yigit Alper
Arda Baran Barış Baris Berk Berkay Batuhan Bülent Bulent Cihan Ercan Erdal Erdem Erkan
Erol Ferhat Gökhan Gokhan Hikmet İlhan Ilhan Kenan Koray Metin Muhammet Muhammed Nihat
Selim Selçuk Selcuk Semih Serdar Sercan Şahin Sahin Taner Tayfun Turgay Umut Ümit Umit
Yakup Yavuz Yılmaz Yilmaz Zafer Zeki Ayhan Aydın Aydin Cengiz Engin Ersin Mesut Okan
Oktay Yaşar Yasar Ekrem Hamza Harun Mikail Eymen Miraç Mirac Ayaz Aras Poyraz Efe
Çağatay Cagatay İlker Ilker Adem Bayram Bekir Cemal Emin Erhan Ertuğrul Ertugrul Faruk
İlyas Ilyas İrfan Irfan Musa Nedim Sedat Serhat Taha Talha Ufuk Caner Görkem Gorkem
Özgür Ozgur Anıl Anil Emrah Tarık Tarik Timur Ege Bora Ayşe Ayse Fatma Emine Hatice
Zeynep Elif Meryem Merve Büşra Busra Esra Özlem Ozlem Oezlem Sibel Songül Songul Gül Gul
Hülya Hulya Derya Dilek Ebru Emel Filiz Gamze Gizem Hande Havva Hilal İpek Ipek Kübra
Kubra Leyla Melek Melike Melis Nermin Nesrin Nurcan Pınar Pinar Rabia Selin Sema Seda
Sevgi Sevim Tuğba Tugba Türkan Turkan Yasemin Yeliz Yıldız Yildiz Zehra Zuhal Aylin Ayla
Aynur Aysel Aysun Ayten Azra Beyza Burcu Cansu Ceren Çağla Cagla Damla Defne Dilara
Duygu Ece Ecrin Eda Ela Esma Gülay Gulay Gülşen Gulsen Hacer İrem Irem Lale Meltem
Neslihan Nihal Selma Semra Serap Sevda Sinem Tülay Tulay Yağmur Yagmur Nazlı Nazli Asya
Nisa Nehir Eylül Eylul Miray Ayşegül Aysegul Şeyma Seyma Sümeyye Sumeyye Betül Betul
Tuğçe Tugce Feyza Şerife Sevinç Sevinc Çiğdem Cigdem Gülsüm Gulsum İlayda Ilayda Yaren
Irmak Sıla Sila Buse Sude Berna Canan Aslı Asli Berfin Dilan Pelin Nalan
"""

# Kurdish given names (Kurmanji and Sorani, Latin script).
_KURDISH = """
Azad Rojhat Rojda Rojin Berivan Delal Dilan Dilşad Dilsad Diyar Hejar Helin Heval Jiyan
Kawa Rezan Rojbin Ronahi Şirin Sirin Shirin Zelal Zilan Baran Berfin Çiya Ciya Dijwar
Hogir Karwan Kendal Mizgin Perwin Renas Rojan Şervan Servan Welat Zinar Aso Bahoz Dara
Avin Avîn Narin Nujin Roza Lavin Rozerin Hêvî Hevi Zozan Kardo Karzan Rebin Rebaz Sardar
Shivan Sipan Soran Zana Hozan Rizgar Evin Medya Jwan Aram Hiwa Rebwar Shwan Dilshad
Goran
"""

# Arabic given names (Syrian, Iraqi, Levantine spellings and variants).
_ARABIC = """
Mohammed Mohammad Muhammad Mohamed Mohamad Ahmad Ahmed Ali Omar Umar Khaled Khalid
Mahmoud Mahmud Mustafa Moustafa Mostafa Hassan Hasan Hussein Husain Hussain Ibrahim
Yousef Youssef Yusuf Abdullah Abdallah Abdulrahman Abdelrahman Abdulaziz Abdelkader
Abdulkarim Adnan Amir Ammar Anas Ayman Bashar Bassam Bilal Fadi Faris Firas Ghassan Hadi
Haitham Hamza Hani Hazem Hisham Hicham Houssam Husam Imad Emad Ismail Jamal Jamil Karim
Kareem Kassem Qasim Khalil Louay Maher Majed Majid Malek Malik Mazen Marwan Mohanad
Muhannad Munir Mounir Murad Mourad Nabil Nader Nadim Nizar Nour Noor Osama Usama Qais
Rami Raed Rashid Riyad Saad Saeed Saïd Salah Saleh Salim Sami Samer Samir Shadi Sharif
Tarek Tariq Tarik Wael Walid Waleed Wassim Yahya Yaser Yasser Yassin Yasin Yazan Zaid
Zakaria Ziad Abbas Haider Haidar Jaafar Kadhim Sajjad Mahdi Mehdi Aziz Obaida Qusay Taha
Jawad Laith Moaz Tamim Yamen Zain Alaa Ayham Baraa Ehab Fouad Ghaith Hamid Issa Habib
Rahim Hakim Mansour Mousa Moussa Saif Suleiman Talal Younes Younis Faisal Fahad Idris
Kamal Mohsen Adil Akram Anwar Ashraf Ayoub Bashir Dawood Farouk Hashem Jaber Rayan Elias
Georges Amjad Radwan Sinan Jasim Jassim Fatima Aisha Aysha Aischa Amina Amira Asma Aya
Bushra Dalia Dana Doaa Duaa Dima Eman Iman Farah Ghada Hala Hanan Hana Heba Hiba Huda
Houda Hadeel Inas Israa Esraa Jana Joud Jamila Khadija Lana Layla Leila Leyla Lina Lubna
Maha Malak Manal Mariam Maryam Marwa Mayar Mona Muna Nadia Najwa Nawal Nura Rana Rania
Rasha Rawan Reem Rima Ruba Ruqayya Safa Sahar Salma Samah Samar Samira Sana Shahd Siham
Suha Sumaya Tasnim Wafaa Walaa Yasmin Yasmine Yasmina Zahra Zainab Zeinab Zeina Rahaf
Raghad Lamar Maram Rula Sawsan Souad Tala Yara Dunya Hayat Ilham Latifa Nisreen Nesrine
Razan Arwa Hajar Kawthar Nabila Nadine Yousra Yusra Amal Aliya Rahma
"""

# Afghan (Dari/Pashto) and Iranian given names.
_AFGHAN_PERSIAN = """
Reza Hossein Hamid Hamed Mehdi Amir Arash Babak Bahram Behrouz Behnam Behzad Bijan
Dariush Darius Ehsan Farhad Farid Farshid Hesam Iman Jamshid Javad Kamran Kaveh Keyvan
Kian Kourosh Majid Masoud Mehran Mehrdad Milad Mohsen Mojtaba Morteza Mostafa Nader
Navid Omid Parviz Payam Pedram Peyman Pouya Ramin Saeed Saman Shahin Shahram Siamak Sina
Sohrab Soroush Vahid Akbar Bashir Ghulam Gul Habibullah Hekmat Jawid Javed Mansoor
Masood Mirwais Mujtaba Najib Nasim Naseem Nasir Qadir Rahmatullah Sohail Waheed Wali
Zabihullah Zalmai Zia Zubair Ajmal Fawad Mahmood Murtaza Naweed Sayed Zaher Nima Parsa
Kasra Sepehr Arian Arman Armin Fatemeh Maryam Mahsa Mahnaz Mina Nasrin Negar Neda
Niloufar Nilufar Parisa Parvin Roya Setareh Shabnam Shirin Soraya Sima Taraneh Yasaman
Afsaneh Azadeh Bahar Fariba Farzaneh Golnaz Homa Mahtab Marjan Mojgan Nazanin Nahid Pari
Pegah Roxana Sanaz Sepideh Shahla Tahmineh Tara Yalda Zohreh Elham Fereshteh Ghazal Hoda
Ladan Nastaran Freshta Fereshta Frishta Gulalai Halima Laila Malalai Malala Marzia
Mursal Nafisa Nazia Parwana Rahima Sadaf Shabana Shakila Tahmina Zarghona Zohra Zulaikha
Anahita Ariana Delaram Kimia Narges Nargis
"""

# Polish given names, with Polish letters and as commonly typed without.
_POLISH = """
Adam Adrian Aleksander Andrzej Antoni Arkadiusz Artur Bartłomiej Bartlomiej Bartosz
Bogdan Czesław Czeslaw Damian Dariusz Dawid Dominik Edward Emil Filip Franciszek
Grzegorz Henryk Hubert Igor Jacek Jakub Jan Janusz Jarosław Jaroslaw Jerzy Józef Jozef
Kacper Kamil Karol Kazimierz Konrad Krystian Krzysztof Leszek Łukasz Lukasz Maciej
Marcin Marek Mariusz Mateusz Michał Michal Mikołaj Mikolaj Miłosz Milosz Mirosław
Miroslaw Norbert Oskar Patryk Paweł Pawel Piotr Przemysław Przemyslaw Radosław Radoslaw
Rafał Rafal Robert Ryszard Sebastian Sławomir Slawomir Stanisław Stanislaw Szymon
Tadeusz Tomasz Wiesław Wieslaw Wiktor Witold Władysław Wladyslaw Wojciech Zbigniew
Zdzisław Zdzislaw Bartek Tomek Wojtek Olek Agnieszka Aleksandra Alicja Aneta Anna
Barbara Beata Bożena Bozena Danuta Dorota Edyta Elżbieta Elzbieta Ewa Ewelina Grażyna
Grazyna Halina Irena Iwona Izabela Jadwiga Janina Joanna Jolanta Justyna Kamila Karolina
Katarzyna Kinga Krystyna Lucyna Magdalena Małgorzata Malgorzata Marta Marzena Monika
Natalia Oliwia Paulina Renata Sylwia Teresa Urszula Wanda Weronika Zofia Zuzanna Gosia
Kasia Basia Ola Ania Magda Dominika Wiktoria Patrycja Klaudia Milena Daria Jagoda
Wioletta Żaneta Zaneta Agata Gabriela Marlena Zosia
"""

# Czech and Slovak given names, with and without diacritics.
_CZECH_SLOVAK = """
Jiří Jiri Josef Petr Pavel Jaroslav Tomáš Tomas Miroslav Zdeněk Zdenek František
Frantisek Václav Vaclav Karel Lukáš Lukas Vladimír Ladislav Stanislav Ondřej Ondrej
Radek Antonín Antonin Vojtěch Vojtech Matěj Matej Libor Luboš Lubos Dušan Dusan Juraj
Jozef Ján Štefan Ľubomír Lubomir Marián Miloš Milos Pavol Rastislav Branislav Tibor
Radim Dalibor Oldřich Oldrich Jindřich Jindrich Štěpán Stepan Patrik Matúš Matus Jana
Eva Hana Lenka Kateřina Katerina Věra Lucie Alena Jaroslava Tereza Zuzana Ivana Jitka
Zdeňka Zdenka Barbora Markéta Marketa Ludmila Jarmila Kristýna Kristyna Miroslava Vlasta
Božena Libuše Libuse Blanka Radka Šárka Sarka Simona Klára Denisa Adéla Adela Eliška
Eliska Karolína Anežka Anezka Iveta Pavla Soňa Silvie Mária Lucia Zuzka Marcela
"""

# Romanian given names, with Romanian letters and as commonly typed without.
_ROMANIAN = """
Andrei Alexandru Mihai Ionuț Ionut Ionuţ Ion Ioan Gheorghe Vasile Constantin Nicolae
Dumitru Florin Cristian Marian Adrian Gabriel Ștefan Ştefan Bogdan Cătălin Catalin
Răzvan Razvan Sorin Ciprian Claudiu Cosmin Costel Dorin Dragoș Dragoş Dragos Iulian
Laurențiu Laurentiu Liviu Lucian Marius Mircea Nicușor Nicusor Ovidiu Petru Radu Silviu
Tudor Valentin Viorel Vlad Aurel Horia Sergiu Traian Alin Doru Ionel Matei Mihail
Octavian Teodor Virgil Cornel Maria Elena Ioana Andreea Ana Mihaela Alexandra Cristina
Gabriela Daniela Georgiana Alina Adriana Simona Ramona Florentina Roxana Larisa Bianca
Oana Raluca Irina Anca Corina Denisa Loredana Luminița Luminita Mariana Monica Nicoleta
Petronela Camelia Delia Doina Ecaterina Iuliana Lavinia Liliana Mădălina Madalina Rodica
Valentina Viorica Violeta Anamaria Ileana Ionela Iulia Livia Miruna Otilia Sabina
Teodora Veronica Alexia
"""

# Bulgarian given names (common Latin transliterations).
_BULGARIAN = """
Georgi Dimitar Nikolay Petar Hristo Stoyan Todor Vasil Krasimir Plamen Borislav Tsvetan
Yordan Atanas Kiril Lyubomir Momchil Ognyan Svetoslav Veselin Zdravko Aleksandar Boyan
Ivaylo Kaloyan Lachezar Mladen Radoslav Simeon Stanimir Tihomir Valeri Yavor Zhivko
Deyan Bozhidar Ivanka Yordanka Penka Radka Rositsa Desislava Galina Gergana Krasimira
Mariya Nadezhda Petya Silviya Snezhana Svetla Tsvetelina Vanya Veselina Yana Zornitsa
Boryana Hristina Iliana Kalina Nevena Rumyana Stefka Yoana Albena Elitsa Denitsa
"""

# Hungarian given names, with and without accents.
_HUNGARIAN = """
László Laszlo István Istvan József Jozsef János Janos Zoltán Zoltan Sándor Sandor Gábor
Gabor Ferenc Attila Péter Tamás Tamas Zsolt Tibor András Andras Csaba Imre Lajos György
Gyorgy Balázs Balazs Gergely Károly Karoly Mihály Mihaly Miklós Miklos Szabolcs Béla
Bela Krisztián Krisztian Levente Bence Ákos Akos Bálint Balint Gyula Géza Geza Árpád
Arpad Erzsébet Erzsebet Katalin Ilona Éva Zsuzsanna Zsuzsa Margit Judit Ágnes Krisztina
Szilvia Mónika Tímea Timea Ildikó Ildiko Eszter Orsolya Réka Reka Nikolett Noémi Zsófia
Zsofia Hajnalka Enikő Eniko Tünde Csilla Fanni Lili Boglárka Boglarka Edina Kitti
Melinda
"""

# Croatian, Serbian and Bosnian given names, with and without diacritics.
_BCS = """
Ivan Marko Luka Josip Ante Stjepan Tomislav Mario Goran Zoran Dragan Nikola Stefan Dejan
Darko Zlatko Zvonimir Damir Dario Denis Dino Domagoj Franjo Hrvoje Ivica Ivo Jakov
Krešimir Kresimir Kristijan Marijan Mateo Mislav Mladen Nenad Petar Predrag Saša Sasa
Siniša Sinisa Slaven Vedran Željko Zeljko Aleksandar Bojan Boris Branko Dušan Dusan
Đorđe Djordje Jovan Lazar Miloš Milos Miodrag Miroslav Nebojša Nebojsa Novak Ognjen
Radovan Ratko Slobodan Srđan Srdjan Uroš Uros Vladimir Vuk Aleksa Nemanja Milorad
Mihajlo Veljko Adnan Admir Almir Amar Amel Armin Edin Elvir Elvis Emin Enes Ermin Haris
Jasmin Kemal Mirza Muhamed Nedim Nermin Nihad Samir Senad Tarik Zlatan Dženan Dzenan
Ajdin Alija Sead Mirko Slavko Stipe Jure Ana Ivana Marija Maja Kristina Mirjana Jelena
Snježana Snjezana Vesna Dragana Gordana Ljiljana Milica Biljana Branka Danijela Dijana
Ivona Jasna Katarina Lucija Nataša Natasa Nevena Sanja Slađana Sladjana Suzana Tijana
Zorana Željka Zeljka Anđela Andjela Antonija Bojana Dubravka Gabrijela Iva Ivanka Josipa
Ljubica Matea Mirela Nikolina Silvija Višnja Visnja Zdenka Dunja Jovana Olivera Radmila
Ružica Ruzica Slavica Snežana Snezana Zorica Aida Ajla Amela Amila Amina Belma Dženana
Dzenana Edina Elma Emina Jasmina Lejla Melisa Merima Naida Nejra Sabina Selma Senada
Vildana Zerina Ena Ema Mirna Tena Vanja Zlata
"""

# Albanian and Kosovar given names, with and without ë.
_ALBANIAN = """
Arben Arbër Arber Ardit Arian Armend Artan Arton Astrit Bajram Besart Besim Bekim Blerim
Burim Driton Dardan Edon Egzon Enver Fatmir Fisnik Flamur Florent Gëzim Gezim Ilir
Jetmir Kushtrim Labinot Liridon Lulzim Mërgim Mergim Naim Qëndrim Qendrim Shkelzen
Shkëlzen Skender Valon Veton Visar Ylli Agim Agron Alban Albin Altin Bashkim Bujar
Dritan Ermal Endrit Fadil Faton Fatos Gazmend Genc Jeton Kastriot Leutrim Lirim Naser
Petrit Rexhep Shaban Taulant Valdrin Arlind Erion Besnik Drilon Festim Albana Albulena
Arbresha Arjeta Besa Blerta Blerina Diellza Donika Drita Edona Elira Elona Erza Fjolla
Flaka Genta Jehona Kaltrina Lindita Luljeta Majlinda Merita Mimoza Njomza Qendresa Rina
Rrezarta Shqipe Teuta Valbona Valmira Vjosa Yllka Ardita Fitore Leonora Liridona
Marigona Shpresa Vesa Zamira Adelina Arlinda Gresa
"""

# Ukrainian and Russian given names in common transliterations.
_UKRAINIAN_RUSSIAN = """
Oleksandr Aleksandr Alexandr Oleksiy Oleksii Alexey Alexej Aleksej Aleksey Andriy Andrii
Andrey Andrej Anatoliy Anatoli Anatolij Artem Artyom Artjom Bohdan Bogdan Borys Boris
Denys Dmytro Dmitri Dmitry Dmitrij Evgeny Evgeniy Jewgeni Yevhen Ievgen Fedir Fjodor
Hennadiy Gennadi Ihor Igor Ilya Ilja Ivan Iwan Kostiantyn Konstantin Maksym Maxim Maksim
Mykhailo Mykhaylo Mikhail Michail Mykola Nikolai Nikolaj Oleh Oleg Pavlo Pavel Petro
Pjotr Ruslan Serhiy Serhii Sergey Sergei Sergej Taras Vadym Vadim Valeriy Valeri Vasyl
Wassili Viktor Vitaliy Vitali Witali Vladyslav Vladislav Vladimir Volodymyr Wladimir
Yaroslav Yuriy Yurii Yuri Juri Jurij Daniil Danylo Egor Yegor Jegor Kirill Kyrylo Leonid
Nazar Nikita Rostyslav Stepan Sviatoslav Tymur Timur Eduard Sasha Sascha Misha Mischa
Dima Vova Olena Jelena Yelena Oksana Tetiana Tetyana Tatiana Tatjana Natalia Nataliya
Natalja Iryna Irina Olha Olga Svitlana Svetlana Swetlana Yulia Yuliia Julija Kateryna
Ekaterina Jekaterina Mariia Mariya Hanna Viktoriia Daria Dariia Darja Alina Valentyna
Lyudmyla Ludmila Ljudmila Larysa Larissa Lyubov Nadiya Nadezhda Halyna Galina Inna
Kseniia Ksenia Xenia Khrystyna Sofiia Polina Vira Yana Zoya Liliya Maryna Raisa Karina
Lesya Milana Oleksandra Alyona Aljona Antonina Zhanna Masha Dasha Nastya Katya Tanya
Natasha Vika Ulyana Vasilisa Varvara Yaroslava Alisa Arina Vlada Solomiya Snizhana
Anzhela Evelina Olesya Zlata
"""

# Italian given names.
_ITALIAN = """
Giuseppe Giovanni Antonio Mario Luigi Francesco Angelo Vincenzo Pietro Salvatore Carlo
Franco Domenico Bruno Paolo Michele Giorgio Aldo Sergio Luciano Roberto Marco Alessandro
Andrea Stefano Massimo Fabio Davide Matteo Lorenzo Luca Simone Federico Riccardo
Gabriele Emanuele Daniele Alberto Claudio Enrico Enzo Fabrizio Gianluca Gianni Giacomo
Giulio Leonardo Maurizio Nicola Raffaele Renato Rocco Sandro Tommaso Umberto Vittorio
Alessio Edoardo Emilio Filippo Gaetano Gino Guido Marcello Mattia Mauro Nino Pasquale
Rosario Silvio Vito Cosimo Dario Giancarlo Gianfranco Pino Renzo Giuseppina Giovanna
Carmela Caterina Francesca Antonella Giulia Chiara Federica Valentina Elisa Silvia Paola
Roberta Giorgia Alessia Beatrice Gaia Ginevra Noemi Arianna Camilla Donatella Ilaria
Loredana Michela Patrizia Raffaella Rossella Serena Stefania Tiziana Concetta Filomena
Rosaria Carlotta Elisabetta Ornella Eleonora Giada Giuliana Luisa Nicoletta
"""

# Spanish, Latin American and Portuguese/Brazilian given names.
_SPANISH_PORTUGUESE = """
José Jose Juan Carlos Luis Luís Miguel Javier Antonio Manuel Francisco Pedro Pablo Jorge
Alejandro Diego Fernando Sergio Raúl Raul Alberto Andrés Rafael Ramón Ramon Enrique
Alfonso Álvaro Alvaro Adrián Esteban Felipe Gonzalo Guillermo Gustavo Héctor Hector Hugo
Ignacio Iván Jaime Joaquín Joaquin Julio Marcos Martín Mateo Nicolás Nicolas Óscar Oscar
Ricardo Rodrigo Rubén Ruben Santiago Sebastián Tomás Tomas Vicente Xavier João Joao
Gonçalo Goncalo Rui Tiago Thiago Nuno Paulo Fábio Marcelo Henrique Eduardo María Carmen
Ana Isabel Lucía Lucia Marta Cristina Elena Raquel Rocío Rocio Pilar Dolores Lola
Beatriz Patricia Alba Alicia Irene Nuria Núria Nerea Noelia Sonia Rosario Consuelo Inés
Ines Esperanza Guadalupe Leticia Lorena Luz Marisol Montserrat Paloma Soledad Susana
Verónica Yolanda Camila Fernanda Mariana Juliana Larissa Joana Leonor Margarida Carolina
Catarina Filipa Sofía Ximena Blanca Bruna Luiza
"""

# Greek given names (Latin transliterations).
_GREEK = """
Georgios Giorgos Konstantinos Kostas Dimitrios Dimitris Ioannis Giannis Yannis Nikolaos
Nikos Panagiotis Panos Vasileios Vasilis Christos Athanasios Thanasis Evangelos Vangelis
Spyridon Spyros Angelos Stavros Petros Apostolos Theodoros Anastasios Stylianos Stelios
Emmanouil Manolis Charalampos Alexandros Pavlos Sotirios Ilias Kyriakos Lefteris
Eleftherios Michalis Eleni Aikaterini Vasiliki Angeliki Dimitra Konstantina Paraskevi
Evangelia Ioanna Eirini Irini Despina Stavroula Chrysoula Kyriaki Fotini Styliani Zoi
Eftychia Nikoleta Kalliopi Athina
"""

# English, American and Irish given names.
_ENGLISH = """
James John Robert Michael William David Richard Joseph Thomas Charles Christopher Daniel
Matthew Anthony Donald Steven Paul Andrew Joshua Kenneth Kevin Brian George Timothy
Ronald Edward Jason Jeffrey Ryan Jacob Gary Nicholas Eric Jonathan Stephen Larry Justin
Scott Brandon Benjamin Samuel Gregory Alexander Patrick Raymond Dennis Jerry Tyler Aaron
Adam Nathan Henry Douglas Zachary Peter Kyle Noah Ethan Jeremy Walter Christian Keith
Terry Austin Sean Shaun Gerald Carl Harold Dylan Arthur Lawrence Jesse Bryan Billy Bruce
Gabriel Joe Logan Alan Albert Wayne Vincent Liam Oliver Lucas Owen Luke Isaac Caleb
Connor Evan Gavin Ian Jake Chris Mike Steve Tony Tom Jim Jimmy Jamie Danny Johnny Bobby
Harry Charlie Oscar Alfie Freddie Archie Theo Leo Riley Toby Stanley Stuart Neil Graham
Gordon Malcolm Nigel Trevor Colin Derek Barry Darren Craig Shane Marcus Lewis Louis
Elliot Russell Callum Declan Conor Aidan Brendan Kieran Mary Patricia Jennifer Linda
Elizabeth Barbara Susan Jessica Sarah Karen Nancy Lisa Betty Margaret Sandra Ashley
Kimberly Emily Donna Michelle Dorothy Amanda Melissa Deborah Stephanie Rebecca Sharon
Laura Cynthia Kathleen Amy Angela Shirley Anna Brenda Pamela Emma Nicole Helen Samantha
Katherine Christine Rachel Janet Catherine Diane Ruth Julie Olivia Joyce Victoria Kelly
Lauren Christina Joan Evelyn Judith Megan Cheryl Hannah Jacqueline Martha Teresa Ann
Madison Frances Jean Abigail Alice Judy Sophia Denise Doris Danielle Natalie Charlotte
Chloe Ella Sophie Amelia Ava Mia Isabelle Freya Millie Phoebe Zoe Kate Katie Lucy Molly
Ellie Scarlett Gemma Stacey Tracy Wendy Jenny Maggie Fiona Siobhan Niamh Aoife Eileen
Bridget Audrey Eleanor
"""

# French given names, with and without accents.
_FRENCH = """
Jean Pierre Michel André Philippe Alain Jacques Bernard Claude Nicolas Éric Eric
Frédéric Frederic Stéphane Stephane Laurent Olivier Thierry Sébastien Sebastien Julien
Christophe François Francois Pascal Didier Gilles Dominique Guillaume Antoine Alexandre
Vincent Romain Mathieu Matthieu Benoît Benoit Yves Serge Gérard Gerard Jérôme Jerome Luc
Raphaël Jules Léo Théo Clément Baptiste Cédric Cedric Damien Fabien Loïc Loic Hervé
Herve Émile Henri Sylvain Quentin Jean-Pierre Jean-Luc Jean-Marc Jean-Claude Jean-Paul
Jean-Louis Jean-François Jean-Francois Jean-Michel Nathalie Isabelle Sylvie Françoise
Francoise Monique Valérie Valerie Sandrine Véronique Veronique Céline Celine Stéphanie
Aurélie Aurelie Émilie Emilie Camille Léa Manon Chloé Inès Louise Léonie Juliette
Mathilde Margaux Océane Clémence Élodie Elodie Mélanie Delphine Hélène Helene Mireille
Noémie Anaïs Anais Élise Jeanne Claire Estelle Laure Anne-Marie Marie-Claire
"""

# Dutch and Flemish given names.
_DUTCH = """
Pieter Kees Henk Johan Willem Gerrit Cornelis Jeroen Bram Daan Sem Thijs Joost Maarten
Martijn Niels Stijn Wouter Koen Arjen Joris Luuk Gijs Jaap Klaas Ruud Wim Anouk Femke
Janneke Lieke Marieke Sanne Tessa Loes Marloes Mieke Nienke Roos Marjolein Merel Esmee
"""

# Danish, Swedish, Norwegian and Finnish given names.
_SCANDINAVIAN = """
Lars Nils Erik Olaf Olav Björn Bjarne Gustav Henrik Jens Johan Kjell Knut Leif Magnus
Mats Mikael Morten Rasmus Stig Søren Soren Torben Trond Ulf Ivar Fredrik Einar Espen
Gunnar Harald Helge Jesper Jørgen Jorgen Göran Goran Kristian Mads Jukka Matti Mikko
Pekka Timo Astrid Birgitta Britt Elin Freja Frida Hanne Inger Ingeborg Kirsten Liv Malin
Marit Mette Pernille Sigrid Signe Solveig Stina Trine Ulla Vibeke Agneta Ebba Gunilla
Lotta Linnea Tuva Sanna
"""

# Indian and Pakistani given names.
_INDIAN = """
Rahul Amit Rajesh Ramesh Suresh Sanjay Vijay Ajay Anil Sunil Arun Ashok Deepak Manoj
Mohan Rakesh Ravi Sandeep Rohit Vikram Vivek Nikhil Aditya Arjun Karan Krishna Pradeep
Prakash Siddharth Varun Abhishek Akash Anand Ankit Gaurav Kiran Manish Naveen Nitin
Pankaj Rohan Harpreet Gurpreet Manpreet Jaspreet Imran Asif Shahid Usman Zeeshan Priya
Pooja Anjali Sunita Kavita Neha Deepa Divya Shalini Lakshmi Nisha Rekha Shweta Swati
Sneha Radha Jyoti Priyanka Shruti Ananya Aditi Archana Simran Ayesha
"""

# Vietnamese given names, with and without diacritics.
_VIETNAMESE = """
Anh Minh Hùng Tuấn Tuan Dũng Thanh Trung Quang Huy Khoa Đức Duc Hieu Hiếu Phuong Phương
Linh Hoa Hương Huong Thuy Trang Ngoc Ngọc Nhung Hạnh Hằng Hải Sơn Thao Thảo Viet Vinh
Yến Binh Cuong Giang Khanh Quynh Xuan Hoang Huyen Nguyet Tuyet
"""

# Nigerian, Ghanaian, Eritrean/Ethiopian and Somali given names.
_AFRICAN = """
Chinedu Chukwuemeka Emeka Obinna Ifeanyi Uchenna Chidi Nnamdi Ikechukwu Kelechi Chiamaka
Chioma Ngozi Nneka Adaeze Amaka Ifeoma Oluwaseun Seun Olusegun Segun Femi Adebayo
Ayodele Babatunde Tunde Temitope Funmilayo Folake Yetunde Bukola Abiodun Adewale Kehinde
Taiwo Damilola Tolulope Kayode Abimbola Ijeoma Nkechi Abubakar Aliyu Sani Aminu Hauwa
Emmanuel Godwin Osagie Efosa Osas Kwame Kofi Yohannes Yonas Dawit Mehari Tekle Berhane
Haile Kidane Amanuel Filmon Habtom Henok Kibrom Mesfin Robel Semere Senay Solomon Tesfay
Tesfaye Tedros Yemane Merhawi Biniam Bereket Ermias Eyob Natnael Senait Saba Semhar
Luwam Rahel Hiwet Tsega Yordanos Meron Feven Winta Almaz Mahlet Helen Selamawit Tigist
Yodit Abdi Abdirahman Abdullahi Abdikarim Liban Mahad Mohamud Mukhtar Warsame Abdulkadir
Guled Hodan Ayaan Fadumo Faduma Hawa Idil Iqra Khadra Sahra Sagal Ubah Deeqa Ifrah Nasra
Hibo Warda
"""

# Everyday short forms (added by the maintainers after the first version).
_SHORT_FORMS = """
Alex Maxi Amara Vicky Nicky Jenny Conny Dani Domi Tobi Jonny Micha Mischa Manu
Susi Moni Babsi Gabi Uli Geli Hansi Wasti Rudi Willi Kalle Ecki Jupp
"""

_GROUPS: tuple[str, ...] = (
    _SHORT_FORMS,
    _GERMAN_OLDER,
    _GERMAN_YOUNGER,
    _BAVARIAN_AUSTRIAN,
    _TURKISH,
    _KURDISH,
    _ARABIC,
    _AFGHAN_PERSIAN,
    _POLISH,
    _CZECH_SLOVAK,
    _ROMANIAN,
    _BULGARIAN,
    _HUNGARIAN,
    _BCS,
    _ALBANIAN,
    _UKRAINIAN_RUSSIAN,
    _ITALIAN,
    _SPANISH_PORTUGUESE,
    _GREEK,
    _ENGLISH,
    _FRENCH,
    _DUTCH,
    _SCANDINAVIAN,
    _INDIAN,
    _VIETNAMESE,
    _AFRICAN,
)

# Names deliberately left out of FIRST_NAMES because they are also ordinary German or
# English words, month/weekday names, brands, or place/authority words (German nouns are
# capitalised, so "Mai", "Engel" or "Will" in a question would look like a name).
_AMBIGUOUS_TEXT = """
Will Mark Bill Grant Hope Joy Faith Rose Iris Heide Gabe Linde Nelke Christ Wolf Fuchs
Hahn Eiche Aurora Dawn Summer Autumn Winter Page Sky Art Job Mai Juni Juli August April
May June Kind Hag Sonne Mond Ozean Amt Stern Engel Glaube Ehre Treue Can Sultan Prince
King Mercedes Porsche Audi Opel Ford Paris London Sydney Florence Wien Linz Sankt Ernst
Till Viola Flora Lily Holly Ivy Heather Daisy Poppy Violet Olive Amber Ruby Pearl
Crystal Jade Jasmine Grace Mercy Patience Prudence Charity Felicity Harmony Melody
Destiny Trinity Serenity Heaven Nova River Storm Rain Star Angel Ángel Hazel Rosemary
Ebony Sage Willow Brook Rowan Ash Basil Cliff Dale Glen Heath Reed Rod Clay Lee Jay Gene
Ray Dean Earl Duke Rich Chase Hunter Mason Cooper Miles Wade Drew Lance Victor Guy Pat
Rob Bob Jack Don Dick Matt Buck Chuck Rusty Sunny Sonny Misty Ginger Penny Candy Sandy
Carol Eve Sue Dot Eddy Teddy Dolly Patty Kitty Bonnie Brandy Bud Chip Skip Pierce Chad
Jordan Georgia Virginia Chelsea Brooklyn Savannah Blessing Favour Favor Precious Gift
Peace Goodluck Sunday Monday Friday Princess Success Comfort Promise Victory Wisdom
Innocent Lucky Nur Tuna Alp Emir Jihad Islam Salam Selam Hind Sham Mais Rim Lama Nada
Mitra Roman Kuba Asia Lech Spas Rosen Stamen Rumen Mate Pal Edit Tin Tea Granit Mentor
Ramadan Trim Gent Pascha Pasha Jura Jury Jude Margarita Jesus Jesús Marine Joke Harm
Bart Arie Ties Per Rune Saga Helle Siri Tilde Else Meta Lore Grit Friede Lenz Kasper
Kasperl Wolle Silvester Sylvester Urban Wolfram Malte Lasse Bent Tore Tor Odd Stein Tone
Hege Beat Milan Hagen Veit Erasmus Dung Long Lan Hang Hai Son Van Yen Hung Thu Hau Tram
Hue Loan Mine Nail Atlas Nil Obi Bimbo Dupe Nike Aster Kia Chanel Khan Shah Said Robin
Lion Pit Dodo Thais Washington Wellington Love Tage Dong Tan Sang Phat Yaw Akin Bile
Funke Sienna Ross Brett Derrick Randy Roger Fanny Heini Anis Hammam Shaker Adel Aryan
Sultana Ales Kamen Mile Blend Gentian Semen Margherita Floor Puck Jet Eitel Allen Anders
Andre Andres Reiner Christin Fidel Kader Kais Kamel Wale Pelle Rens Riad Romane Serife
Lourdes Candela Davor Antun Gerben Nasser Dries Fares Lam Lien Martial Maxime Nadir
Shams Tam Tuba Newroz Nevroz Carmine
"""
AMBIGUOUS: frozenset[str] = frozenset(_AMBIGUOUS_TEXT.split())

# The subtraction keeps the two sets disjoint even if a name is later added to a group.
FIRST_NAMES: frozenset[str] = frozenset(" ".join(_GROUPS).split()) - AMBIGUOUS
